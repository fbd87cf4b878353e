package it.spidonly.keycloak.oidcfed.login;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import it.spidonly.keycloak.oidcfed.entity.FederationEntity;

/**
 * The relying party's protocol identity in one realm: its client id (the realm's federation entity id) and the
 * realm keys of Keycloak's KeyManager its entity configuration publishes under {@code openid_relying_party.jwks}:
 * the active {@code sig} RS256 key (request objects, client assertions) and every enabled {@code enc} RSA-OAEP(-256)
 * key (userinfo decryption). The federation keys are never used here.
 */
public record RpCredentials(String clientId, KeyWrapper signingKey, List<KeyWrapper> decryptionKeys) {

    /**
     * The realm's RP ({@link FederationEntity}): its entity id, the signing key its entity configuration publishes,
     * and the encryption key it publishes first, then every other enabled RSA-OAEP(-256) {@code enc} key (federation keys only sign) (a
     * userinfo encrypted to a key just rotated out still decrypts).
     */
    public static RpCredentials of(KeycloakSession session, RealmModel realm) {
        FederationEntity entity = FederationEntity.of(session, realm);
        List<KeyWrapper> enc = new ArrayList<>();
        KeyWrapper published = entity.protocolEncryptionKey();
        if (published != null) {
            enc.add(published);
        }
        session.keys().getKeysStream(realm)
                .filter(k -> KeyUse.ENC.equals(k.getUse()) && k.getPrivateKey() != null && k.getStatus() != null && k.getStatus().isEnabled())
                .filter(k -> UserinfoReader.KEY_ALGORITHMS.contains(k.getAlgorithmOrDefault()))
                .filter(k -> published == null || !k.getKid().equals(published.getKid()))
                .forEach(enc::add);
        return new RpCredentials(entity.entityId(), entity.protocolSigningKey(), enc);
    }
}
