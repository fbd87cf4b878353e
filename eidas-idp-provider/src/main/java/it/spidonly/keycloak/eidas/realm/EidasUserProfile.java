package it.spidonly.keycloak.eidas.realm;

import java.util.Set;

import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.representations.userprofile.config.UPGroup;
import org.keycloak.userprofile.UserProfileProvider;

import it.spidonly.keycloak.eidas.identity.EidasUserAttributes;

/**
 * Declares the eIDAS user attributes in the realm's user profile (Keycloak 26 drops undeclared attributes unless
 * the realm accepts unmanaged ones): users see them, only admins edit them. Attributes already declared (e.g. the
 * SPID ones of the realm template: dateOfBirth, gender, ...) are left as they are.
 */
final class EidasUserProfile {
    static final String GROUP = "eidas";

    private EidasUserProfile() {
    }

    static void ensure(KeycloakSession session) {
        UserProfileProvider provider = session.getProvider(UserProfileProvider.class);
        UPConfig config = provider.getConfiguration();
        boolean changed = false;
        for (String name : EidasUserAttributes.DECLARED) {
            if (config.getAttribute(name) == null) {
                UPAttribute attribute = new UPAttribute(name);
                attribute.setDisplayName("${spidProfile." + name + "}"); // it/en names in the SPID jar's messages
                attribute.setGroup(GROUP);
                attribute.setPermissions(new UPAttributePermissions(Set.of("admin", "user"), Set.of("admin")));
                config.addOrReplaceAttribute(attribute);
                changed = true;
            }
        }
        if (changed && config.getGroups().stream().noneMatch(g -> GROUP.equals(g.getName()))) {
            UPGroup group = new UPGroup(GROUP);
            group.setDisplayHeader("eIDAS");
            group.setDisplayDescription("Data from the eIDAS identity of another EU/EEA state (read-only)");
            config.addGroup(group);
        }
        if (changed) {
            provider.setConfiguration(config);
        }
    }
}
