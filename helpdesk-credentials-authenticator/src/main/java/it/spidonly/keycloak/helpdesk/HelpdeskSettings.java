package it.spidonly.keycloak.helpdesk;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import org.keycloak.models.RealmModel;

import it.spidonly.keycloak.helpdesk.eligibility.EidasStates;
import it.spidonly.keycloak.helpdesk.lifecycle.ValidityCap;

/**
 * The realm's help-desk settings, from realm attributes (database, realm JSON, admin REST API):
 * {@code helpdesk.eidasStates} (see {@link EidasStates}), {@code helpdesk.credentialMaxValidity} (see
 * {@link ValidityCap}) and {@code helpdesk.activationValidity} (ISO-8601 duration of an activation code, default
 * {@code PT24H}, helpdesk.md: "24 h by e-mail"). Unreadable values fall back to the defaults.
 */
public record HelpdeskSettings(EidasStates eidasStates, ValidityCap cap, Duration activationValidity) {
    public static final String ACTIVATION_VALIDITY = "helpdesk.activationValidity";
    /** The realm role operators hold (helpdesk.md, Four eyes). */
    public static final String OPERATOR_ROLE = "helpdesk-operator";

    public static HelpdeskSettings of(RealmModel realm) {
        ValidityCap cap = ValidityCap.parse(realm.getAttribute(ValidityCap.REALM_ATTRIBUTE))
                .orElse(ValidityCap.parse(ValidityCap.DEFAULT).orElseThrow());
        return new HelpdeskSettings(EidasStates.parse(realm.getAttribute(EidasStates.REALM_ATTRIBUTE)), cap,
                duration(realm.getAttribute(ACTIVATION_VALIDITY)));
    }

    private static Duration duration(String value) {
        try {
            Duration d = value == null || value.isBlank() ? Duration.ofHours(24) : Duration.parse(value.strip());
            return d.isNegative() || d.isZero() ? Duration.ofHours(24) : d;
        } catch (DateTimeParseException e) {
            return Duration.ofHours(24);
        }
    }
}
