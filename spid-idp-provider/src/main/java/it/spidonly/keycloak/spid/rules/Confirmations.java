package it.spidonly.keycloak.spid.rules;

import java.util.List;
import java.util.Optional;

/** The Assertion's one SubjectConfirmation and its data, for the rules that read them. */
final class Confirmations {
    private Confirmations() {
    }

    static Optional<AssertionView.SubjectConfirmation> only(AssertionView assertion) {
        List<AssertionView.SubjectConfirmation> all = assertion.subject().map(AssertionView.Subject::confirmations).orElse(List.of());
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    static Optional<AssertionView.ConfirmationData> data(AssertionView assertion) {
        return only(assertion).flatMap(AssertionView.SubjectConfirmation::data);
    }
}
