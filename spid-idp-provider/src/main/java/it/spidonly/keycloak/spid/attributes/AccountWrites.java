package it.spidonly.keycloak.spid.attributes;

import java.util.List;
import java.util.Map;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.userprofile.UserProfileProvider;

/**
 * Writes what a login says of the person onto the account, and only what changes. Any write, even of the value the
 * account already has, makes Keycloak's user cache drop the account, and the next request (the app's token request)
 * then reads it from the database again (issue 19, docs/performance.md).
 */
public final class AccountWrites {
    /**
     * Where a broker leaves the SPID attributes of a verified login (by SPID name) in the broker context: a plain map,
     * which Keycloak serialises across the first-login flow. SPID, CIE and FICEP over SAML, SPID and CIE over OIDC.
     */
    public static final String CONTEXT_SPID_ATTRIBUTES = "spid.attributes";

    private AccountWrites() {
    }

    /**
     * A SPID or CIE login's data, whatever the protocol: the attributes left at {@link #CONTEXT_SPID_ATTRIBUTES} that
     * the user profile declares, and the names.
     */
    public static void spidLoginData(KeycloakSession session, UserModel user, BrokeredIdentityContext context) {
        if (context.getContextData().get(CONTEXT_SPID_ATTRIBUTES) instanceof Map<?, ?> attributes) {
            declared(session, user, attributes);
        }
        names(user, context.getFirstName(), context.getLastName());
    }

    /** {@code name} = {@code value} unless the account has exactly that; a missing value leaves the attribute as it is. */
    public static void attribute(UserModel user, String name, String value) {
        if (value == null) {
            return;
        }
        List<String> current = user.getAttributeStream(name).toList();
        if (current.size() != 1 || !value.equals(current.get(0))) {
            user.setSingleAttribute(name, value);
        }
    }

    /** First and family name, each when given and different. */
    public static void names(UserModel user, String firstName, String lastName) {
        if (firstName != null && !firstName.equals(user.getFirstName())) {
            user.setFirstName(firstName);
        }
        if (lastName != null && !lastName.equals(user.getLastName())) {
            user.setLastName(lastName);
        }
    }

    /**
     * The attributes the realm's user profile declares (Keycloak 26 drops undeclared ones unless the realm accepts
     * unmanaged attributes). Never "email": that would set the account's e-mail itself, which goes through Keycloak's
     * e-mail update and its uniqueness check.
     */
    public static void declared(KeycloakSession session, UserModel user, Map<?, ?> attributes) {
        UPConfig profile = session.getProvider(UserProfileProvider.class).getConfiguration();
        boolean acceptsUnmanaged = profile.getUnmanagedAttributePolicy() != null;
        attributes.forEach((key, value) -> {
            String name = String.valueOf(key);
            if (value != null && !UserModel.EMAIL.equals(name) && (acceptsUnmanaged || profile.getAttribute(name) != null)) {
                attribute(user, name, value.toString());
            }
        });
    }
}
