package it.spidonly.keycloak.testsupport.idp;

import java.util.function.Consumer;
import org.w3c.dom.Document;

/**
 * One deliberate change to the SPID-compliant baseline Response the test IdP builds. The IdP writes the baseline,
 * applies every mutation's {@link #beforeSigning}, signs the Assertion, applies every {@link #betweenSignatures},
 * signs the Response, and finally applies every mutation's {@link #afterSigning} (changes there break the
 * signatures, which is the point of some tests; changes between the two signatures break only the Assertion's).
 * Mutations run in the order given. See {@link ResponseMutations} for ready-made ones and {@link SamlDom} for finders.
 */
@FunctionalInterface
public interface ResponseMutation {

    /** Changes the unsigned Response (a {@code samlp:Response} document element). */
    void beforeSigning(Document response);

    /** Changes the Response whose Assertion is signed but which is not signed yet; by default nothing. */
    default void betweenSignatures(Document response) {
    }

    /** Changes the signed Response; by default nothing. */
    default void afterSigning(Document response) {
    }

    /** A mutation that only acts once the Assertion is signed, before the Response is. */
    static ResponseMutation betweenSignatures(Consumer<Document> change) {
        return new ResponseMutation() {
            @Override
            public void beforeSigning(Document response) {
            }

            @Override
            public void betweenSignatures(Document response) {
                change.accept(response);
            }
        };
    }

    /** A mutation that only acts after signing. */
    static ResponseMutation onceSigned(Consumer<Document> change) {
        return new ResponseMutation() {
            @Override
            public void beforeSigning(Document response) {
            }

            @Override
            public void afterSigning(Document response) {
                change.accept(response);
            }
        };
    }
}
