package it.spidonly.keycloak.helpdesk.mrz;

import java.util.Optional;

import it.spidonly.keycloak.helpdesk.proofing.Refusal;

/** Either a reading (whose check digits may still have failed) or a refusal of the lines' shape. */
public record MrzOutcome(Optional<MrzReading> reading, Optional<Refusal> refusal) {
    static MrzOutcome read(MrzReading reading) {
        return new MrzOutcome(Optional.of(reading), Optional.empty());
    }

    static MrzOutcome refused(Refusal refusal) {
        return new MrzOutcome(Optional.empty(), Optional.of(refusal));
    }
}
