package it.spidonly.keycloak.testsupport.idp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One entry of the {@link ResponseCatalogue}: a change to the SPID baseline Response and what an SP must do with it.
 *
 * @param name      what is wrong (or special), e.g. "Destination is another URL"
 * @param expected  the outcome
 * @param scenario  how the response reaches the SP
 * @param mutations the DOM changes, in order
 * @param rewrite   a change to the serialised XML (for what a DOM cannot hold, e.g. a DOCTYPE); identity otherwise
 */
public record ResponseCase(String name, ExpectedOutcome expected, Scenario scenario, List<ResponseMutation> mutations,
        UnaryOperator<String> rewrite) {

    /** How the response is delivered. */
    public enum Scenario {
        /** Posted once to the ACS with the RelayState of the login it answers. */
        STANDARD,
        /** An acceptable response posted twice: the second posting gets {@link #expected()}. */
        REPLAY,
        /** Posted without RelayState, as an IdP-initiated response would be. */
        UNSOLICITED
    }

    public ResponseCase {
        mutations = List.copyOf(mutations);
    }

    /** Applies {@link #rewrite} to a base64 SAMLResponse. */
    public String rewriteBase64(String samlResponse) {
        String xml = new String(Base64.getDecoder().decode(samlResponse), StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(rewrite.apply(xml).getBytes(StandardCharsets.UTF_8));
    }

    public ResponseMutation[] mutationArray() {
        return mutations.toArray(ResponseMutation[]::new);
    }

    @Override
    public String toString() {
        return name + " → " + expected;
    }
}
