package it.spidonly.keycloak.oidcfed.login;

import java.util.List;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The relying party's protocol identity in one realm: its client id (the realm's federation entity id) and the
 * realm keys of Keycloak's KeyManager its entity configuration publishes under {@code openid_relying_party.jwks}:
 * the active {@code sig} RS256 key (request objects, client assertions) and every enabled {@code enc} RSA-OAEP(-256)
 * key (userinfo decryption). The federation keys are never used here.
 */
public record RpCredentials(String clientId, KeyWrapper signingKey, List<KeyWrapper> decryptionKeys) {

    public static RpCredentials of(KeycloakSession session, RealmModel realm, String clientId) {
        KeyWrapper signing = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.RS256);
        List<KeyWrapper> enc = session.keys().getKeysStream(realm)
                .filter(k -> KeyUse.ENC.equals(k.getUse()) && k.getPrivateKey() != null && k.getStatus() != null && k.getStatus().isEnabled())
                .filter(k -> UserinfoReader.KEY_ALGORITHMS.contains(k.getAlgorithmOrDefault()))
                .toList();
        return new RpCredentials(clientId, signing, enc);
    }
}
