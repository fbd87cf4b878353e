package it.spidonly.keycloak.spid.attributes;

import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;


/**
 * The accounts of a person, by fiscal number: only the {@code fiscalNumber} attribute (upper case, no {@code TINIT-},
 * as SPID logins, an admin or the legacy import store it; users cannot write it: the user profile the bundle declares
 * lets only admins edit it). Never the username: a username is what a user may have chosen (issue 16, F1). Used by
 * the first SPID login and by the INPS PIN login.
 */
public final class FiscalNumberAccounts {
    public static final String ATTRIBUTE = SpidAttribute.fiscalNumber.name();

    private FiscalNumberAccounts() {
    }

    /** At most two accounts: one is the person's, two means the realm cannot tell which. */
    public static List<UserModel> find(KeycloakSession session, RealmModel realm, String fiscalCode) {
        return session.users().searchForUserByUserAttributeStream(realm, ATTRIBUTE, fiscalCode).limit(2).toList();
    }
}
