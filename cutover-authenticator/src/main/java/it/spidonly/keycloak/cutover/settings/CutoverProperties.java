package it.spidonly.keycloak.cutover.settings;

import static org.keycloak.provider.ProviderConfigProperty.BOOLEAN_TYPE;
import static org.keycloak.provider.ProviderConfigProperty.STRING_TYPE;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The keys of the cutover settings and the form the admin console renders for them (no dots: see the SPID page). */
public final class CutoverProperties {
    public static final String ENABLED = "enabled";
    public static final String LOCAL_DATE_TIME = "cutoverAt";
    public static final String TIME_ZONE = "timeZone";

    private CutoverProperties() {
    }

    public static List<ProviderConfigProperty> build() {
        return ProviderConfigurationBuilder.create()
                .property().name(ENABLED).label("Cutover on").type(BOOLEAN_TYPE).defaultValue("true")
                .helpText("On: legacy username/password and INPS PIN logins are announced before the date and refused from it. "
                        + "Off: they work as before and no notice is shown.").add()
                .property().name(LOCAL_DATE_TIME).label("Cutover date and time").type(STRING_TYPE)
                .defaultValue(CutoverSettings.DEFAULT_LOCAL_DATE_TIME.toString()).required(true)
                .helpText("Local date and time from which legacy credentials are refused, as yyyy-MM-ddTHH:mm (e.g. 2020-11-15T00:00).").add()
                .property().name(TIME_ZONE).label("Time zone").type(STRING_TYPE)
                .defaultValue(CutoverSettings.DEFAULT_ZONE.getId()).required(true)
                .helpText("IANA time zone of the date and time above, e.g. Europe/Rome.").add()
                .build();
    }
}
