package it.spidonly.keycloak.helpdesk.settings;

import static org.keycloak.provider.ProviderConfigProperty.LIST_TYPE;
import static org.keycloak.provider.ProviderConfigProperty.STRING_TYPE;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The keys of the help-desk settings page and the form the admin console renders for them (no dots in keys). */
final class HelpdeskSettingsProperties {
    static final String LOGIN_ENTRY = "loginEntry";
    static final String ENTRY_URL = "entryUrl";
    static final String CREDENTIAL_MAX_VALIDITY = "credentialMaxValidity";
    static final String ACTIVATION_VALIDITY = "activationValidity";

    static final String ENTRY_FORM = "form";
    static final String ENTRY_LINK = "link";
    static final String ENTRY_NONE = "none";

    private HelpdeskSettingsProperties() {
    }

    static List<ProviderConfigProperty> build() {
        return ProviderConfigurationBuilder.create()
                .property().name(LOGIN_ENTRY).label("Help-desk entry on the login page").type(LIST_TYPE)
                .options(ENTRY_FORM, ENTRY_LINK, ENTRY_NONE).defaultValue(ENTRY_FORM)
                .helpText("form: the login page (theme spid-only) shows the Help Desk entry with its username and password form; "
                        + "link: a link to the address below; none: no entry.").add()
                .property().name(ENTRY_URL).label("Help-desk link").type(STRING_TYPE)
                .helpText("Only for the entry 'link': https:// address or a /path on this server.").add()
                .property().name(CREDENTIAL_MAX_VALIDITY).label("Credential maximum validity").type(STRING_TYPE)
                .defaultValue("P2Y").required(true)
                .helpText("ISO-8601 period or duration (e.g. P2Y, P18M): credentials expire at the document's expiry or after this, whichever comes first.").add()
                .property().name(ACTIVATION_VALIDITY).label("Activation code validity").type(STRING_TYPE)
                .defaultValue("PT24H").required(true)
                .helpText("ISO-8601 duration of an e-mailed activation code (e.g. PT24H).").add()
                .build();
    }
}
