package it.spidonly.keycloak.spid.realm;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;
import org.keycloak.representations.userprofile.config.UPAttributeRequired;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.representations.userprofile.config.UPGroup;
import org.keycloak.userprofile.UserProfileProvider;

import it.spidonly.keycloak.spid.attributes.SpidAttribute;

/**
 * The SPID part of the realm's user profile (Keycloak 26 drops undeclared attributes): every SPID attribute the
 * bundle stores, users see them and only admins edit them; {@code fiscalNumber} shape-checked; usernames shaped like
 * fiscal codes refused to users ({@link FiscalCodeUsernameValidator}); e-mail not required (SPID gives none unless
 * asked, and a citizen must not be stopped on "update profile"). Adds what is missing, never drops an admin's own
 * attribute or setting, except that {@code fiscalNumber} is never user-editable: linking trusts it (issue 16, F1).
 * Runs in the session's current realm.
 */
public final class SpidUserProfile {
    public static final String GROUP = "spid";
    /** Keycloak's own attributes: first/last name and e-mail come from SPID's name, familyName and email. */
    static final Set<String> KEYCLOAK_OWN = Set.of(SpidAttribute.name.name(), SpidAttribute.familyName.name(), SpidAttribute.email.name());
    /** Stored form of a fiscal number: a codice fiscale (omocodia allowed) or an 11-digit temporary code, no TINIT-. */
    public static final String FISCAL_NUMBER_PATTERN =
            "^([A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]|[0-9]{11})$";
    static final String ADMIN = "admin";
    static final String USER = "user";

    private SpidUserProfile() {
    }

    /** The attributes the bundle declares, in this order. */
    public static List<String> declared() {
        return SpidAttribute.names().stream().filter(n -> !KEYCLOAK_OWN.contains(n)).toList();
    }

    public static void ensure(KeycloakSession session) {
        UserProfileProvider provider = session.getProvider(UserProfileProvider.class);
        UPConfig config = provider.getConfiguration();
        if (apply(config)) {
            provider.setConfiguration(config);
        }
    }

    /** Adds what is missing to {@code config}; whether anything changed. */
    static boolean apply(UPConfig config) {
        boolean changed = false;
        for (String name : declared()) {
            if (config.getAttribute(name) == null) {
                config.addOrReplaceAttribute(attribute(name));
                changed = true;
            }
        }
        changed |= fiscalNumberAdminOnly(config.getAttribute(SpidAttribute.fiscalNumber.name()));
        changed |= usernameNotFiscalCode(config.getAttribute(UserModel.USERNAME));
        changed |= emailOptional(config.getAttribute(UserModel.EMAIL));
        if (config.getGroups() == null || config.getGroups().stream().noneMatch(g -> GROUP.equals(g.getName()))) {
            UPGroup group = new UPGroup(GROUP);
            group.setDisplayHeader("${spidProfileGroup}");
            group.setDisplayDescription("${spidProfileGroupHelp}");
            config.addGroup(group);
            changed = true;
        }
        return changed;
    }

    private static UPAttribute attribute(String name) {
        UPAttribute attribute = new UPAttribute(name);
        attribute.setDisplayName("${spidProfile." + name + "}");
        attribute.setGroup(GROUP);
        attribute.setPermissions(new UPAttributePermissions(Set.of(ADMIN, USER), Set.of(ADMIN)));
        if (SpidAttribute.fiscalNumber.name().equals(name)) {
            attribute.addValidation("pattern", Map.of("pattern", FISCAL_NUMBER_PATTERN, "error-message", "spidFiscalNumberInvalid"));
        }
        return attribute;
    }

    private static boolean fiscalNumberAdminOnly(UPAttribute fiscalNumber) {
        UPAttributePermissions permissions = fiscalNumber.getPermissions();
        if (permissions == null) {
            fiscalNumber.setPermissions(new UPAttributePermissions(Set.of(ADMIN, USER), Set.of(ADMIN)));
            return true;
        }
        if (permissions.getEdit() != null && permissions.getEdit().stream().anyMatch(r -> !ADMIN.equals(r))) {
            permissions.setEdit(Set.of(ADMIN));
            return true;
        }
        return false;
    }

    private static boolean usernameNotFiscalCode(UPAttribute username) {
        if (username == null) {
            return false;
        }
        Map<String, Map<String, Object>> validations = username.getValidations();
        if (validations != null && validations.containsKey(FiscalCodeUsernameValidator.ID)) {
            return false;
        }
        Map<String, Map<String, Object>> updated = validations == null ? new HashMap<>() : new HashMap<>(validations);
        updated.put(FiscalCodeUsernameValidator.ID, new HashMap<>());
        username.setValidations(updated);
        return true;
    }

    private static boolean emailOptional(UPAttribute email) {
        UPAttributeRequired required = email == null ? null : email.getRequired();
        if (required == null || required.getRoles() == null || !required.getRoles().contains(USER)) {
            return false;
        }
        Set<String> roles = new HashSet<>(required.getRoles());
        roles.remove(USER);
        boolean noScopes = required.getScopes() == null || required.getScopes().isEmpty();
        if (roles.isEmpty() && noScopes) {
            email.setRequired(null);
        } else {
            required.setRoles(roles);
        }
        return true;
    }

    /** What the realm's profile lacks for SPID logins (for the readiness check); empty when all is there. */
    public static List<String> missing(UPConfig config) {
        List<String> missing = new java.util.ArrayList<>();
        for (String name : declared()) {
            if (config.getAttribute(name) == null) {
                missing.add(name);
            }
        }
        UPAttribute fiscalNumber = config.getAttribute(SpidAttribute.fiscalNumber.name());
        if (fiscalNumber != null && fiscalNumber.getPermissions() != null && fiscalNumber.getPermissions().getEdit() != null
                && fiscalNumber.getPermissions().getEdit().contains(USER)) {
            missing.add(SpidAttribute.fiscalNumber.name() + " (user-editable)");
        }
        UPAttribute username = config.getAttribute(UserModel.USERNAME);
        if (username != null && (username.getValidations() == null || !username.getValidations().containsKey(FiscalCodeUsernameValidator.ID))) {
            missing.add(UserModel.USERNAME + " (" + FiscalCodeUsernameValidator.ID + ")");
        }
        return missing;
    }
}
