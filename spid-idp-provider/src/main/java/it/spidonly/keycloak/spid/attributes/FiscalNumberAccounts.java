package it.spidonly.keycloak.spid.attributes;

import java.util.List;
import java.util.Locale;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;


/**
 * The accounts of a person, by fiscal number: the {@code fiscalNumber} attribute (upper case, no {@code TINIT-},
 * as SPID logins and the legacy import store it), else the username SPID logins give (the code in lower case) when
 * that account carries no other fiscal number. Used by the first SPID login and by the INPS PIN login.
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
        if (byUsername == null) {
            return List.of();
        }
        // an account named after the code but carrying another person's fiscal number is not this person's
        String other = byUsername.getFirstAttribute(ATTRIBUTE);
        return other == null || other.isBlank() ? List.of(byUsername) : List.of();
    }
}
