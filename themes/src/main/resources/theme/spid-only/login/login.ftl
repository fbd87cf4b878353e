<#import "template.ftl" as layout>
<#import "spid-only.ftl" as spidOnly>
<#assign phase = spidOnly.cutoverPhase()>
<#assign cutoverShownDate = spidOnly.cutoverDisplayDate()>
<#assign helpdeskEntry = spidOnly.helpdeskEntry()>
<#assign legacyFormShown = realm.password && phase != "after">
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password') && !spidOnly.repeatsCutoverDate(cutoverShownDate) displayInfo=false; section>
<!-- template: spid-only login.ftl -->
  <#if section = "header">
    ${msg("spidOnlyLoginTitle")}
  <#elseif section = "form">
    <@spidOnly.noScriptFallback/>
    <div id="spid-only-login" class="spid-only" data-cutover-phase="${phase}">
      <#if phase == "before">
        <#if cutoverShownDate?has_content><@spidOnly.cutoverNotice date=cutoverShownDate/></#if>
      </#if>
      <p class="spid-only-intro">${msg(spidOnly.identitiesKey("spidOnlyLoginIntro"))}</p>
      <div class="spid-only-choices">
        <@spidOnly.spidButton providers=spidOnly.spidProviders()/>
        <@spidOnly.cieButton providers=spidOnly.cieProviders()/>
        <@spidOnly.eidasButton providers=spidOnly.eidasProviders()/>
      </div>
      <#if phase == "after">
        <@spidOnly.afterCutoverExplanation date=cutoverShownDate/>
      </#if>
      <#if legacyFormShown>
        <@spidOnly.legacyCredentials date=cutoverShownDate/>
      </#if>
      <#if helpdeskEntry?has_content && (helpdeskEntry != "form" || realm.password)>
        <@spidOnly.helpdesk entry=helpdeskEntry legacyFormShown=legacyFormShown/>
      </#if>
    </div>
  <#elseif section = "socialProviders">
    <@spidOnly.otherProviderList providers=spidOnly.otherProviders()/>
  </#if>
</@layout.registrationLayout>
