package it.spidonly.keycloak.cutover;

import java.util.List;
import java.util.Set;

import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * What other modules and themes may rely on. Changing a value here breaks them: see the module README.
 */
public final class CutoverContract {
    /** FreeMarker attribute on the legacy login pages: the instant, ISO-8601 with offset. */
    public static final String ATTR_INSTANT = "cutoverInstant";
    /** FreeMarker attribute: the date as people read it, in the page's language. */
    public static final String ATTR_DATE = "cutoverDate";
    /** FreeMarker attribute: {@code true} from the instant on. */
    public static final String ATTR_PASSED = "cutoverPassed";

    /** Message (it, en) shown before the instant; parameters: {0} the date, then {@link #NAME_KEYS}. */
    public static final String MSG_NOTICE = "cutoverNotice";
    /** Message (it, en) of every refusal, and the notice on a legacy page after the instant; parameters as above. */
    public static final String MSG_REFUSED = "cutoverRefused";
    /** Provider ids of the CIE identity providers start with this (cie-saml, cie-oidc). */
    public static final String CIE_PROVIDER_PREFIX = "cie-";
    /** Suffix of the variant of a text that names CIE beside SPID, used when the realm offers CIE. */
    public static final String CIE_SUFFIX = "Cie";

    /**
     * The names a realm gives its legacy credentials and its help desk, as message keys (parameters {1}, {2}, {3} of
     * the two messages above): the admin changes them per language as realm overrides (Realm settings, Localization,
     * or {@code PUT /admin/realms/{realm}/localization/{locale}/{key}}); the bundle's texts are the defaults.
     */
    public static final String NAME_LEGACY_CREDENTIALS = "spidOnlyNameLegacyCredentials";
    public static final String NAME_INPS_PIN = "spidOnlyNameInpsPin";
    public static final String NAME_HELPDESK = "spidOnlyNameHelpdesk";
    public static final List<String> NAME_KEYS = List.of(NAME_LEGACY_CREDENTIALS, NAME_INPS_PIN, NAME_HELPDESK);

    /** Event error of every refusal (login, direct grant, reset of a password). */
    public static final String EVENT_ERROR = "cutover_refused";
    /** Event detail: the instant, ISO-8601. The refused method is in Keycloak's {@code credential_type} detail. */
    public static final String EVENT_DETAIL_INSTANT = "cutover_instant";

    /** The legacy credentials the cutover refuses. */
    public static final String CREDENTIAL_PASSWORD = PasswordCredentialModel.TYPE;
    public static final String CREDENTIAL_INPS_PIN = "inps-pin";
    public static final Set<String> REFUSED_CREDENTIAL_TYPES = Set.of(CREDENTIAL_PASSWORD, CREDENTIAL_INPS_PIN);

    /**
     * The credential type reserved for the help desk's credentials (users of states outside eIDAS). The cutover never
     * refuses it, nor any other type than those of {@link #REFUSED_CREDENTIAL_TYPES}: help-desk authenticators must
     * store and check their secret under this type (not Keycloak's {@code password}) and must not be one of the
     * password authenticators this module takes over.
     */
    public static final String CREDENTIAL_HELPDESK = "helpdesk-password";

    private CutoverContract() {
    }

    /** True for the credential types the cutover refuses; false for help-desk credentials and everything else. */
    public static boolean isRefused(String credentialType) {
        return REFUSED_CREDENTIAL_TYPES.contains(credentialType);
    }
}
