package it.spidonly.keycloak.eidas.identity;

import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The accounts of a realm that belong to one eIDAS person: their {@code eidasPersonIdentifier} is exactly it. */
public final class EidasAccounts {
    private EidasAccounts() {
    }

    public static List<UserModel> find(KeycloakSession session, RealmModel realm, PersonIdentifier person) {
        // the store may compare case-insensitively; the identifier's opaque part may not be
        return session.users().searchForUserByUserAttributeStream(realm, EidasUserAttributes.PERSON_IDENTIFIER, person.value())
                .filter(user -> person.value().equals(user.getFirstAttribute(EidasUserAttributes.PERSON_IDENTIFIER)))
                .toList();
    }
}
