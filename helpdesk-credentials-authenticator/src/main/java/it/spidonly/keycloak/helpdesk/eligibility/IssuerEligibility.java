package it.spidonly.keycloak.helpdesk.eligibility;

import java.util.Optional;

import it.spidonly.keycloak.helpdesk.proofing.Refusal;

/**
 * The help-desk's first rule (helpdesk.md, Eligibility): the document must be issued by a state outside the EU/EEA
 * and not by Italy. Italians are sent to SPID, EU/EEA citizens (and EU laissez-passer holders) to eIDAS; a code that
 * is not a state (organisations, stateless/refugee codes as issuer, ICAO's specimen Utopia, unknown codes) is refused
 * too, because the credential rests on a state's document.
 */
public final class IssuerEligibility {
    public static final String ITALY = "helpdesk.eligibility.italy";
    public static final String EU_EEA = "helpdesk.eligibility.eu-eea";
    public static final String NOT_A_STATE = "helpdesk.eligibility.not-a-state";
    public static final String SPECIMEN = "helpdesk.eligibility.specimen";
    public static final String UNKNOWN = "helpdesk.eligibility.unknown-state";

    private final EidasStates eidas;

    public IssuerEligibility(EidasStates eidas) {
        this.eidas = eidas;
    }

    /** Empty when a document of this issuer may get a help-desk credential. */
    public Optional<Refusal> check(IssuingState issuer) {
        switch (issuer.kind()) {
            case UNKNOWN:
                return Optional.of(Refusal.of(UNKNOWN, issuer.code()));
            case SPECIMEN:
                return Optional.of(Refusal.of(SPECIMEN, issuer.code()));
            case EU_INSTITUTION:
                return Optional.of(Refusal.of(EU_EEA, issuer.code()));
            case NO_STATE:
            case ORGANISATION:
                return Optional.of(Refusal.of(NOT_A_STATE, issuer.code()));
            default:
                break;
        }
        if ("IT".equals(issuer.alpha2())) {
            return Optional.of(Refusal.of(ITALY, issuer.code()));
        }
        if (eidas.contains(issuer)) {
            return Optional.of(Refusal.of(EU_EEA, issuer.alpha2()));
        }
        return Optional.empty();
    }
}
