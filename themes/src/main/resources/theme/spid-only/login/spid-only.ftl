<#--
  Building blocks of the spid-only login theme. The contracts (attributes, realm attribute, provider ids, IdP config
  keys) are described in themes/README.md; keep the two in step.
-->
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>

<#-- ===== What the page shows ===== -->

<#-- The realm's enabled identity providers for this login (Keycloak's social.providers), by provider type. -->
<#function loginProviders>
  <#if social?? && social.providers??>
    <#return social.providers>
  </#if>
  <#return []>
</#function>

<#-- A theme property holding a comma-separated list of provider ids, as a sequence. -->
<#function providerIds property>
  <#return (property!"")?split(",")?map(id -> id?trim)?filter(id -> id?has_content)>
</#function>

<#-- SPID: the SAML type and the OpenID Connect one (theme property spidProviderIds). -->
<#function isSpid provider>
  <#return providerIds(properties.spidProviderIds!"")?seq_contains(provider.providerId)>
</#function>

<#-- CIE: the SAML type and the OpenID Connect one (theme property cieProviderIds). -->
<#function isCie provider>
  <#return providerIds(properties.cieProviderIds!"")?seq_contains(provider.providerId)>
</#function>

<#function isEidas provider>
  <#return provider.providerId?starts_with(properties.eidasProviderIdPrefix)>
</#function>

<#function spidProviders>
  <#return loginProviders()?filter(p -> isSpid(p))>
</#function>

<#function cieProviders>
  <#return loginProviders()?filter(p -> isCie(p))>
</#function>

<#function eidasProviders>
  <#return loginProviders()?filter(p -> isEidas(p))>
</#function>

<#function otherProviders>
  <#return loginProviders()?filter(p -> !isSpid(p) && !isCie(p) && !isEidas(p))>
</#function>

<#-- True when the page offers "Entra con CIE": its texts then name the accepted identities as "SPID or CIE". -->
<#function hasCie>
  <#return cieProviders()?has_content>
</#function>

<#-- The message key of a text that names the accepted identities: KEY ("SPID") without a CIE IdP, KEYCie ("SPID or
     CIE") with one. Every key given here exists in both forms (ThemeMessagesTest). -->
<#function identitiesKey key>
  <#return hasCie()?then(key + "Cie", key)>
</#function>

<#-- "before" while the cutover attributes say it has not passed, "after" once they say it has, "none" without them
     (no cutover in this realm: Keycloak's username/password form as usual, no notice). -->
<#function cutoverPhase>
  <#if cutoverPassed??>
    <#if cutoverPassed?is_boolean>
      <#return cutoverPassed?then("after", "before")>
    </#if>
    <#return (cutoverPassed?string?trim?lower_case == "false")?then("before", "after")>
  </#if>
  <#return "none">
</#function>

<#-- The realm's names of the legacy credentials (message keys spidOnlyName*: realm overrides, else our texts). -->
<#function legacyCredentialsName>
  <#return msg("spidOnlyNameLegacyCredentials")>
</#function>

<#function inpsPinName>
  <#return msg("spidOnlyNameInpsPin")>
</#function>

<#function helpdeskName>
  <#return msg("spidOnlyNameHelpdesk")>
</#function>

<#-- True when Keycloak's message box would repeat the cutover date this page already shows in its own notice (the
     cutover module's cutoverNotice/cutoverRefused info or warning): the notice appears once. Errors always show. -->
<#function repeatsCutoverDate date>
  <#return date?has_content && message?? && message.type != "error" && (message.summary!"")?contains(date)>
</#function>

<#-- The date to show for the cutover: cutoverDate, else cutoverInstant, else "". -->
<#function cutoverDisplayDate>
  <#if cutoverDate?? && cutoverDate?has_content>
    <#return cutoverDate>
  </#if>
  <#return (cutoverInstant)!"">
</#function>

<#-- Realm attribute spidOnly.helpdeskEntry: "form", a URL (https://, http:// or /path), or nothing. -->
<#function helpdeskEntry>
  <#local value = ((realm.attributes["spidOnly.helpdeskEntry"])!"")?trim>
  <#if value == "form">
    <#return "form">
  </#if>
  <#if value?starts_with("https://") || value?starts_with("http://") || (value?starts_with("/") && !value?starts_with("//"))>
    <#return value>
  </#if>
  <#return "">
</#function>

<#-- IdP config "kcTheme-spidLogo" (seen by themes as themeConfig.spidLogo): a logo shipped with the theme
     (file name, e.g. spid-idp-posteid.svg) or an https URL (e.g. the registry's logo_uri). -->
<#function spidLogo provider>
  <#local value = ((provider.themeConfig["spidLogo"])!"")?trim>
  <#if value?matches("[a-z0-9][a-z0-9._-]*\\.(svg|png)") && !value?contains("..")>
    <#return url.resourcesPath + "/img/spid/" + value>
  </#if>
  <#if value?starts_with("https://")>
    <#return value>
  </#if>
  <#return "">
</#function>

<#-- A lang attribute for text that stays English whatever the page language (the official eIDAS label). -->
<#function englishLangAttr>
  <#if locale?? && locale.currentLanguageTag?starts_with("en")>
    <#return "">
  </#if>
  <#return " lang=\"en\"">
</#function>

<#-- ===== Buttons ===== -->

<#-- AgID's "Entra con SPID": a disclosure button; its list holds the SPID IdPs, shuffled on each page load. -->
<#macro spidButton providers>
  <div class="spid-only-choice spid-only-choice--spid">
    <button type="button" id="spid-button" class="spid-only-button spid-only-button--spid"
            aria-expanded="false" aria-controls="spid-idp-panel" data-spid-only-disclosure>
      <img class="spid-only-button__icon" src="${url.resourcesPath}/img/spid/spid-ico-circle-bb.svg" alt="" width="29" height="29">
      <span class="spid-only-button__text">${msg("spidOnlySpidButton")}</span>
    </button>
    <div id="spid-idp-panel" class="spid-only-panel" hidden data-spid-only-panel>
      <#if providers?has_content>
        <ul id="spid-idp-list" class="spid-only-idps" aria-label="${msg("spidOnlySpidProviders")}" data-spid-only-shuffle>
          <#list providers as p>
            <#local logo = spidLogo(p)>
            <li class="spid-only-idps__item">
              <a id="spid-idp-${p.alias}" class="spid-only-idp" href="${p.loginUrl}" data-once-link data-idp-alias="${p.alias}">
                <#if logo?has_content>
                  <img class="spid-only-idp__logo" src="${logo}" alt="${p.displayName}">
                <#else>
                  <img class="spid-only-idp__generic" src="${url.resourcesPath}/img/spid/spid-logo-c-lb.svg" alt="" width="40" height="20">
                  <span class="spid-only-idp__name">${p.displayName}</span>
                </#if>
              </a>
            </li>
          </#list>
        </ul>
      <#else>
        <p id="spid-no-idps" class="spid-only-panel__empty">${msg("spidOnlySpidNoProviders")}</p>
      </#if>
      <ul class="spid-only-spid-links">
        <li><a href="${properties.spidInfoUrl}" hreflang="it">${msg("spidOnlySpidInfo")}</a></li>
        <li><a href="${properties.spidRequestUrl}" hreflang="it">${msg("spidOnlySpidRequest")}</a></li>
        <li><a href="${properties.spidHelpUrl}" hreflang="it">${msg("spidOnlySpidHelp")}</a></li>
      </ul>
    </div>
  </div>
</#macro>

<#-- The official "Entra con CIE" beside the SPID button, as prominent as it: the CIE ID logo of the Ministry's kit
     (italia/cie-graphics) on the kit's blue. CIE has one identity provider, so one cie-* IdP makes the button a link
     that logs in directly; several (production and pre-production, or SAML and OpenID Connect) make it a disclosure
     listing them by display name, in the realm's order (docs/decisions.md). -->
<#macro cieButton providers>
  <#if providers?has_content>
    <div class="spid-only-choice spid-only-choice--cie">
      <#if providers?size == 1>
        <a id="cie-button" class="spid-only-button spid-only-button--cie" href="${providers[0].loginUrl}" data-once-link
           data-idp-alias="${providers[0].alias}">
          <img class="spid-only-button__icon spid-only-button__icon--cie" src="${url.resourcesPath}/img/cie/Logo_CIE_ID.svg" alt="" width="27" height="29">
          <span class="spid-only-button__text">${msg("spidOnlyCieButton")}</span>
        </a>
      <#else>
        <button type="button" id="cie-button" class="spid-only-button spid-only-button--cie"
                aria-expanded="false" aria-controls="cie-idp-panel" data-spid-only-disclosure>
          <img class="spid-only-button__icon spid-only-button__icon--cie" src="${url.resourcesPath}/img/cie/Logo_CIE_ID.svg" alt="" width="27" height="29">
          <span class="spid-only-button__text">${msg("spidOnlyCieButton")}</span>
        </button>
        <div id="cie-idp-panel" class="spid-only-panel" hidden data-spid-only-panel>
          <ul id="cie-idp-list" class="spid-only-idps" aria-label="${msg("spidOnlyCieProviders")}">
            <#list providers as p>
              <li class="spid-only-idps__item">
                <a id="cie-idp-${p.alias}" class="spid-only-idp" href="${p.loginUrl}" data-once-link data-idp-alias="${p.alias}">
                  <span class="spid-only-idp__name">${p.displayName}</span>
                </a>
              </li>
            </#list>
          </ul>
        </div>
      </#if>
      <p class="spid-only-choice__hint">${msg("spidOnlyCieHint")}
        <a id="cie-info" href="${properties.cieInfoUrl}" hreflang="it">${msg("spidOnlyCieInfo")}</a></p>
    </div>
  </#if>
</#macro>

<#-- "Login with eIDAS" beside the SPID button: one eidas-* IdP is a link, several are a disclosure list. -->
<#macro eidasButton providers>
  <#if providers?has_content>
    <div class="spid-only-choice spid-only-choice--eidas">
      <#if providers?size == 1>
        <a id="eidas-button" class="spid-only-button spid-only-button--eidas" href="${providers[0].loginUrl}" data-once-link
           data-idp-alias="${providers[0].alias}">
          <img class="spid-only-button__icon" src="${url.resourcesPath}/img/eidas/ficep-it-eidas-db.svg" alt="" width="29" height="29">
          <span class="spid-only-button__text"${englishLangAttr()?no_esc}>${msg("spidOnlyEidasButton")}</span>
        </a>
      <#else>
        <button type="button" id="eidas-button" class="spid-only-button spid-only-button--eidas"
                aria-expanded="false" aria-controls="eidas-idp-panel" data-spid-only-disclosure>
          <img class="spid-only-button__icon" src="${url.resourcesPath}/img/eidas/ficep-it-eidas-db.svg" alt="" width="29" height="29">
          <span class="spid-only-button__text"${englishLangAttr()?no_esc}>${msg("spidOnlyEidasButton")}</span>
        </button>
        <div id="eidas-idp-panel" class="spid-only-panel" hidden data-spid-only-panel>
          <ul id="eidas-idp-list" class="spid-only-idps" aria-label="${msg("spidOnlyEidasProviders")}">
            <#list providers as p>
              <li class="spid-only-idps__item">
                <a id="eidas-idp-${p.alias}" class="spid-only-idp" href="${p.loginUrl}" data-once-link data-idp-alias="${p.alias}">
                  <span class="spid-only-idp__name">${p.displayName}</span>
                </a>
              </li>
            </#list>
          </ul>
        </div>
      </#if>
      <p class="spid-only-choice__hint">${msg("spidOnlyEidasHint")}</p>
    </div>
  </#if>
</#macro>

<#-- ===== Notices ===== -->

<#macro cutoverNotice date>
  <div id="cutover-notice" class="${properties.kcAlertClass!} pf-m-warning spid-only-notice" role="region" aria-labelledby="cutover-notice-title"
       data-cutover-instant="${(cutoverInstant)!""}">
    <div class="${properties.kcAlertIconClass!}"><span class="${properties.kcFeedbackWarningIcon!}" aria-hidden="true"></span></div>
    <h2 id="cutover-notice-title" class="${properties.kcAlertTitleClass!}">
      ${msg(identitiesKey("spidOnlyCutoverNoticeTitle"), date)}
    </h2>
    <div class="${properties.kcAlertDescriptionClass!}">
      <p>${msg(identitiesKey("spidOnlyCutoverNotice"), legacyCredentialsName(), inpsPinName())}</p>
      <p><a href="${properties.spidRequestUrl}" hreflang="it">${msg("spidOnlyHowToGetSpidLink")}</a></p>
      <#if hasCie()>
        <p><a href="${properties.cieInfoUrl}" hreflang="it">${msg("spidOnlyHowToGetCieLink")}</a></p>
      </#if>
    </div>
  </div>
</#macro>

<#macro afterCutoverExplanation date>
  <section id="spid-only-explanation" class="spid-only-explanation" aria-labelledby="spid-only-explanation-title">
    <h2 id="spid-only-explanation-title" class="spid-only-heading">${msg(identitiesKey("spidOnlyAfterCutoverTitle"))}</h2>
    <p>
      <#if date?has_content>${msg(identitiesKey("spidOnlyAfterCutover"), date, legacyCredentialsName(), inpsPinName())}<#else>${msg(identitiesKey("spidOnlyAfterCutoverUndated"))}</#if>
    </p>
    <h3 class="spid-only-subheading">${msg("spidOnlyHowToGetSpidTitle")}</h3>
    <p>${msg("spidOnlyHowToGetSpid")}</p>
    <p><a id="how-to-get-spid" href="${properties.spidRequestUrl}" hreflang="it">${msg("spidOnlyHowToGetSpidLink")}</a></p>
    <#if hasCie()>
      <h3 class="spid-only-subheading">${msg("spidOnlyHowToGetCieTitle")}</h3>
      <p>${msg("spidOnlyHowToGetCie")}</p>
      <p><a id="how-to-get-cie" href="${properties.cieInfoUrl}" hreflang="it">${msg("spidOnlyHowToGetCieLink")}</a></p>
    </#if>
  </section>
</#macro>

<#-- ===== Username and password (legacy before the cutover; help-desk credentials after it) ===== -->

<#macro credentialsForm>
  <form id="kc-form-login" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;"
        action="${url.loginAction}" method="post" novalidate="novalidate">
    <#if !usernameHidden??>
      <#local label>
        <#if !realm.loginWithEmailAllowed>${msg("username")}<#elseif !realm.registrationEmailAsUsername>${msg("usernameOrEmail")}<#else>${msg("email")}</#if>
      </#local>
      <@field.input name="username" label=label error=messagesPerField.getFirstError('username','password')
          autocomplete="username" value=(login.username)!'' />
    </#if>
    <@field.password name="password" label=msg("password") error="" forgotPassword=realm.resetPasswordAllowed autocomplete="current-password">
      <#if realm.rememberMe && !usernameHidden??>
        <@field.checkbox name="rememberMe" label=msg("rememberMe") value=login.rememberMe?? />
      </#if>
    </@field.password>
    <input type="hidden" id="id-hidden-input" name="credentialId" <#if auth.selectedCredential?has_content>value="${auth.selectedCredential}"</#if>/>
    <@buttons.actionGroup>
      <@buttons.button id="kc-login" name="login" label="doLogIn"/>
    </@buttons.actionGroup>
  </form>
</#macro>

<#macro legacyCredentials date>
  <section id="legacy-login" class="spid-only-section" aria-labelledby="legacy-login-title">
    <h2 id="legacy-login-title" class="spid-only-heading">${legacyCredentialsName()?cap_first}</h2>
    <#if date?has_content>
      <p class="spid-only-section__hint">${msg("spidOnlyLegacyUntil")}</p>
    </#if>
    <@credentialsForm/>
  </section>
</#macro>

<#-- The help-desk entry: after the cutover "form" discloses the credentials form; a URL is a link. -->
<#macro helpdesk entry legacyFormShown>
  <section id="helpdesk-entry" class="spid-only-section" aria-labelledby="helpdesk-entry-title">
    <h2 id="helpdesk-entry-title" class="spid-only-heading">${msg("spidOnlyHelpdeskTitle")}</h2>
    <#if entry == "form" && legacyFormShown>
      <p>${msg("spidOnlyHelpdeskUseForm")}</p>
    <#elseif entry == "form">
      <p>${msg("spidOnlyHelpdeskText", helpdeskName())}</p>
      <#local open = messagesPerField.existsError('username','password')>
      <button type="button" id="helpdesk-button" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
              aria-expanded="${open?c}" aria-controls="helpdesk-panel" data-spid-only-disclosure>
        ${msg("spidOnlyHelpdeskButton")}
      </button>
      <div id="helpdesk-panel" class="spid-only-panel spid-only-panel--form" <#if !open>hidden</#if> data-spid-only-panel>
        <@credentialsForm/>
      </div>
    <#else>
      <p>${msg("spidOnlyHelpdeskText", helpdeskName())}</p>
      <a id="helpdesk-link" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" href="${entry}">
        ${msg("spidOnlyHelpdeskButton")}
      </a>
    </#if>
  </section>
</#macro>

<#-- Identity providers that are neither SPID, CIE nor eIDAS: listed apart, never inside the SPID or CIE button. -->
<#macro otherProviderList providers>
  <#if providers?has_content>
    <section id="other-providers" class="spid-only-section" aria-labelledby="other-providers-title">
      <h2 id="other-providers-title" class="spid-only-heading">${msg("spidOnlyOtherProviders")}</h2>
      <ul class="spid-only-other">
        <#list providers as p>
          <li>
            <a id="social-${p.alias}" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" href="${p.loginUrl}"
               data-once-link data-idp-alias="${p.alias}">${p.displayName}</a>
          </li>
        </#list>
      </ul>
    </section>
  </#if>
</#macro>

<#-- Without JavaScript the disclosure panels stay open. -->
<#macro noScriptFallback>
  <noscript><style>[data-spid-only-panel][hidden]{display:block !important}</style></noscript>
</#macro>
