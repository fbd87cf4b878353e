<#-- The page of a SPID error status (ErrorCode nr19 ... nr30). Served by the SPID provider's theme resources, so
     every login theme shows it in its own layout; a theme can override it with its own spid-error.ftl.
     Attributes: spidErrorKey (message key of what happened), spidErrorTitleKey (spidErrorTitle or cieErrorTitle), spidErrorRetryUrl, spidErrorChooseUrl, spidErrorBackUrl. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        <span id="spid-error-title">${msg(spidErrorTitleKey!"spidErrorTitle")}</span>
    <#elseif section = "form">
        <div id="spid-error" data-spid-error="${spidErrorKey}">
            <p id="spid-error-message" class="instruction">${msg(spidErrorKey)}</p>
            <p id="spid-error-next">${msg("spidErrorWhatNext")}</p>
            <div id="spid-error-ways-on" class="${properties.kcFormGroupClass!}">
                <a id="spid-error-retry" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                   href="${spidErrorRetryUrl}">${msg("spidErrorRetry")}</a>
                <a id="spid-error-choose" class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonBlockClass!}"
                   href="${spidErrorChooseUrl}">${msg("spidErrorChooseAnother")}</a>
                <a id="spid-error-back" class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonBlockClass!}"
                   href="${spidErrorBackUrl}">${msg("spidErrorBackToApp")}</a>
            </div>
        </div>
    </#if>
</@layout.registrationLayout>
