package it.spidonly.keycloak.oidcfed.op;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** The realm's federation entity id: the RP's {@code client_id} in every request to an OP. */
final class RelyingPartyEntity {
    private RelyingPartyEntity() {
    }

    static String entityId(KeycloakSession session, RealmModel realm) {
        String base = session.getContext().getUri().getBaseUri().toString();
        return (base.endsWith("/") ? base : base + "/") + "realms/" + realm.getName() + "/oidc-federation";
    }
}
