<#-- INPS PIN login page of the cutover-authenticator module. A theme may override it (same file name).
     Attributes: cutoverInstant, cutoverDate, cutoverPassed (absent when the realm has no cutover switched on),
     inpsFiscalCode (what was typed, after an error). The PIN is never put back into the page. -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('fiscalCode','pin'); section>
    <#if section = "header">
        ${msg("inpsPinTitle")}
    <#elseif section = "form">
        <div id="kc-form">
          <div id="kc-form-wrapper">
            <#if !(cutoverPassed!false)>
                <p id="inps-pin-intro">${msg("inpsPinIntro")}</p>
                <form id="kc-inps-pin-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
                    <@field.input name="fiscalCode" label=msg("inpsPinFiscalCode") value=(inpsFiscalCode!'') autofocus=true autocomplete="off" />
                    <@field.password name="pin" label=msg("inpsPinPin") autocomplete="off" />
                    <@buttons.loginButton />
                </form>
            </#if>
          </div>
        </div>
    </#if>
</@layout.registrationLayout>
