package it.spidonly.keycloak.oidcfed.entity;

import java.util.Map;

import org.keycloak.crypto.KeyWrapper;
import org.keycloak.crypto.SignatureProvider;
import org.keycloak.crypto.SignatureSignerContext;
import org.keycloak.jose.jws.JWSBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Signs federation statements (entity configuration, resolve responses) with the realm's federation key. */
public final class FederationSigner {
    private final KeycloakSession session;
    private final KeyWrapper key;

    private FederationSigner(KeycloakSession session, KeyWrapper key) {
        this.session = session;
        this.key = key;
    }

    /** The signer, or null when the realm has no active federation key. */
    public static FederationSigner of(KeycloakSession session, RealmModel realm) {
        return FederationKeys.signing(session, realm).map(k -> new FederationSigner(session, k)).orElse(null);
    }

    public String sign(String typ, Map<String, Object> claims) {
        SignatureSignerContext signer = session.getProvider(SignatureProvider.class, key.getAlgorithmOrDefault()).signer(key);
        return new JWSBuilder().type(typ).kid(key.getKid()).jsonContent(claims).sign(signer);
    }
}
