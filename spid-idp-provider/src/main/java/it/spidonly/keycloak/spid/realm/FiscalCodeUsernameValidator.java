package it.spidonly.keycloak.spid.realm;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

import org.keycloak.models.UserModel;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.validate.SimpleValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

/**
 * User-profile validator of the username: a user (registration, update profile, account console, IdP review) may not
 * choose a username shaped like a fiscal code, with or without {@code tinit-}, nor an 11-digit temporary code: those
 * are the usernames first SPID logins create, and an account a user named after someone's code must never become
 * that person's (issue 16, F1). Admins (admin API) may; a username a user already has is kept.
 */
public class FiscalCodeUsernameValidator implements SimpleValidator {
    public static final String ID = "spid-username-not-fiscal-code";
    public static final String MESSAGE = "spidUsernameReserved";
    private static final Pattern FISCAL_CODE_SHAPED = Pattern.compile(
            "^(tinit-)?([a-z]{6}[0-9lmnpqrstuv]{2}[a-z][0-9lmnpqrstuv]{2}[a-z][0-9lmnpqrstuv]{3}[a-z]|[0-9]{11})$");

    @Override
    public String getId() {
        return ID;
    }

    /** Whether a user may not choose this username. */
    public static boolean reserved(String username) {
        return username != null && FISCAL_CODE_SHAPED.matcher(username.trim().toLowerCase(Locale.ROOT)).matches();
    }

    @Override
    public ValidationContext validate(Object input, String inputHint, ValidationContext context, ValidatorConfig config) {
        if (!(context instanceof UserProfileAttributeValidationContext profile)) {
            return context;
        }
        AttributeContext attribute = profile.getAttributeContext();
        if (attribute.getContext().isAdminContext()) {
            return context;
        }
        UserModel user = attribute.getUser();
        for (Object value : input instanceof Collection<?> values ? values : java.util.List.of(input == null ? "" : input)) {
            String username = value == null ? null : value.toString();
            boolean unchanged = user != null && username != null && username.equalsIgnoreCase(user.getUsername());
            if (!unchanged && reserved(username)) {
                context.addError(new ValidationError(ID, inputHint, MESSAGE));
            }
        }
        return context;
    }
}
