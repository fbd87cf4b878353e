package it.spidonly.keycloak.helpdesk.proofing;

import java.util.List;
import java.util.Optional;

/** A valid proofing, or the refusals (never both). */
public record ProofingOutcome(Optional<ValidProofing> proofing, List<Refusal> refusals) {
    public ProofingOutcome {
        refusals = List.copyOf(refusals);
    }

    static ProofingOutcome valid(ValidProofing proofing) {
        return new ProofingOutcome(Optional.of(proofing), List.of());
    }

    static ProofingOutcome refused(List<Refusal> refusals) {
        return new ProofingOutcome(Optional.empty(), refusals);
    }
}
