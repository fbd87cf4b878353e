package it.spidonly.keycloak.cutover.fiscal;

import java.util.List;
import java.util.Locale;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import it.spidonly.keycloak.spid.attributes.SpidAttribute;

/**
 * The accounts of a person, by fiscal number: the {@code fiscalNumber} attribute (upper case, no {@code TINIT-},
 * as SPID logins and the legacy import store it), else the username SPID logins give (the code in lower case).
 */
public final class FiscalNumberAccounts {
    public static final String ATTRIBUTE = SpidAttribute.fiscalNumber.name();

    private FiscalNumberAccounts() {
    }

    /** At most two accounts: one is the person's, two means the realm cannot tell which. */
    public static List<UserModel> find(KeycloakSession session, RealmModel realm, String fiscalCode) {
        List<UserModel> byAttribute = session.users().searchForUserByUserAttributeStream(realm, ATTRIBUTE, fiscalCode)
                .limit(2).toList();
        if (!byAttribute.isEmpty()) {
            return byAttribute;
        }
        UserModel byUsername = session.users().getUserByUsername(realm, fiscalCode.toLowerCase(Locale.ROOT));
        return byUsername == null ? List.of() : List.of(byUsername);
    }
}
