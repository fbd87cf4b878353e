package it.spidonly.keycloak.testsupport.idp;

/**
 * The SAML HTTP-POST binding page (SAML bindings 3.5.4): a form posting SAMLResponse and RelayState (exactly as
 * received) to the ACS, submitted by a script on load; without JavaScript the user (or an HTTP client parsing the
 * form) presses Continue.
 */
final class AutoPostPage {

    private AutoPostPage() {
    }

    static String render(String acsUrl, String samlResponse, String relayState) {
        String relayStateInput = relayState == null ? ""
                : "<input type=\"hidden\" name=\"RelayState\" value=\"" + Html.escape(relayState) + "\">\n";
        return Html.page("""
                <h1>SPID test IdP</h1>
                <p>Returning to the service provider&hellip;</p>
                <form method="post" action="%s">
                <input type="hidden" name="SAMLResponse" value="%s">
                %s<noscript><p>JavaScript is off: press Continue.</p></noscript>
                <button type="submit" id="continue">Continue</button>
                </form>
                <script>window.addEventListener('load', function () { document.forms[0].submit(); });</script>
                """.formatted(Html.escape(acsUrl), Html.escape(samlResponse), relayStateInput));
    }
}
