package it.spidonly.keycloak.spid.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;
import org.keycloak.representations.userprofile.config.UPAttributeRequired;
import org.keycloak.representations.userprofile.config.UPConfig;

class SpidUserProfileTest {

    private static UPConfig keycloakDefault() {
        UPConfig config = new UPConfig();
        config.addOrReplaceAttribute(new UPAttribute("username"));
        UPAttribute email = new UPAttribute("email");
        email.setRequired(new UPAttributeRequired(Set.of("user"), Set.of()));
        config.addOrReplaceAttribute(email);
        return config;
    }

    @Test
    void declaresTheSpidAttributesAdminEditableAndIsIdempotent() {
        UPConfig config = keycloakDefault();
        assertTrue(SpidUserProfile.apply(config));
        UPAttribute fiscalNumber = config.getAttribute("fiscalNumber");
        assertNotNull(fiscalNumber);
        assertEquals(Set.of("admin"), fiscalNumber.getPermissions().getEdit());
        assertTrue(fiscalNumber.getValidations().containsKey("pattern"));
        assertNotNull(config.getAttribute("dateOfBirth"));
        assertNull(config.getAttribute("name"), "SPID's name is Keycloak's firstName");
        assertNull(config.getAttribute("email").getRequired(), "e-mail optional");
        assertTrue(config.getAttribute("username").getValidations().containsKey(FiscalCodeUsernameValidator.ID));
        assertTrue(SpidUserProfile.missing(config).isEmpty());
        assertFalse(SpidUserProfile.apply(config), "a second run changes nothing");
    }

    @Test
    void keepsAnAdminsOwnAttributeButNeverLetsUsersEditTheFiscalNumber() {
        UPConfig config = keycloakDefault();
        UPAttribute own = new UPAttribute("badgeNumber");
        config.addOrReplaceAttribute(own);
        UPAttribute fiscalNumber = new UPAttribute("fiscalNumber");
        fiscalNumber.setPermissions(new UPAttributePermissions(Set.of("admin", "user"), Set.of("admin", "user")));
        config.addOrReplaceAttribute(fiscalNumber);
        assertFalse(SpidUserProfile.missing(config).isEmpty());

        SpidUserProfile.apply(config);

        assertNotNull(config.getAttribute("badgeNumber"));
        assertEquals(Set.of("admin"), config.getAttribute("fiscalNumber").getPermissions().getEdit());
    }
}
