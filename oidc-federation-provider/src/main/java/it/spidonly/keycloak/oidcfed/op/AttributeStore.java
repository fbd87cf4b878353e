package it.spidonly.keycloak.oidcfed.op;

import java.util.Map;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.userprofile.UserProfileProvider;


/**
 * Stores the SPID attributes of a verified login that the realm's user profile declares (as SPID SAML does), so the
 * {@code spid} claims scope gives apps the same values whatever the protocol. E-mail goes through Keycloak's own
 * e-mail update, never as a plain attribute.
 */
final class AttributeStore {
    private AttributeStore() {
    }

    static void store(KeycloakSession session, UserModel user, BrokeredIdentityContext context) {
        Object stored = context.getContextData().get(FederatedOpIdentityProvider.CONTEXT_ATTRIBUTES);
        if (!(stored instanceof Map<?, ?> attributes)) {
            return;
        }
        UPConfig profile = session.getProvider(UserProfileProvider.class).getConfiguration();
        boolean acceptsUnmanaged = profile.getUnmanagedAttributePolicy() != null;
        attributes.forEach((key, value) -> {
            String name = String.valueOf(key);
            if (value != null && !UserModel.EMAIL.equals(name) && (acceptsUnmanaged || profile.getAttribute(name) != null)) {
                user.setSingleAttribute(name, value.toString());
            }
        });
    }
}
