package it.spidonly.keycloak.helpdesk.eligibility;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The EU/EEA states whose citizens are sent to "Login with eIDAS" (alpha-2; Greece is {@code GR} here, {@code EL}
 * in eIDAS). Configuration: the realm attribute {@code helpdesk.eidasStates} (comma-separated alpha-2) replaces
 * the default list of the EU 27 and the EEA (IS, LI, NO), because notification status changes over time.
 */
public record EidasStates(Set<String> alpha2) {
    public static final String REALM_ATTRIBUTE = "helpdesk.eidasStates";
    public static final String DEFAULT = "AT,BE,BG,HR,CY,CZ,DK,EE,FI,FR,DE,GR,HU,IE,IT,LV,LT,LU,MT,NL,PL,PT,RO,SK,SI,ES,SE,IS,LI,NO";

    public EidasStates {
        alpha2 = Set.copyOf(alpha2);
    }

    /** The list in {@code value} (the realm attribute), or the default when it is empty. */
    public static EidasStates parse(String value) {
        String list = value == null || value.isBlank() ? DEFAULT : value;
        return new EidasStates(Arrays.stream(list.split(",")).map(s -> s.strip().toUpperCase(Locale.ROOT))
                .map(s -> "EL".equals(s) ? "GR" : s).filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
    }

    public static EidasStates defaults() {
        return parse(DEFAULT);
    }

    public boolean contains(IssuingState state) {
        return state.kind() == StateKind.STATE && alpha2.contains(state.alpha2());
    }
}
