<#--
  Keycloak's error page (ErrorPage.error, LoginFormsProvider.createErrorPage) with the way on: try again (which is
  also where another identity provider can be chosen) and back to the application. Optional attribute
  backToApplicationUrl replaces the client's base URL; Keycloak's skipLink hides both links.
-->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
  <#if section = "header">
    ${msg("spidOnlyErrorTitle")}
  <#elseif section = "form">
    <#assign backUrl = (backToApplicationUrl)!((client.baseUrl)!"")>
    <#assign canRetry = (authenticationSession?? || client??) && !skipLink??>
    <div id="kc-error-message" class="spid-only-error">
      <#if message?has_content>
        <p id="error-summary" class="instruction spid-only-error__summary">${kcSanitize(message.summary)?no_esc}</p>
      </#if>
      <#if traceId??>
        <p class="instruction" id="traceId">${msg("traceIdSupportMessage", traceId)}</p>
      </#if>
      <h2 id="way-on-title" class="spid-only-heading">${msg("spidOnlyWayOn")}</h2>
      <ul id="way-on" class="spid-only-way-on" aria-labelledby="way-on-title">
        <#if canRetry>
          <li><a id="try-again" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                 href="${url.loginRestartFlowUrl}">${msg("spidOnlyTryAgain")}</a></li>
        </#if>
        <#if !skipLink?? && backUrl?has_content>
          <li><a id="backToApplication" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
                 href="${backUrl}">${msg("spidOnlyBackToApp")}</a></li>
        <#else>
          <li id="no-way-on">${msg("spidOnlyNoWayOn")}</li>
        </#if>
      </ul>
    </div>
  </#if>
</@layout.registrationLayout>
