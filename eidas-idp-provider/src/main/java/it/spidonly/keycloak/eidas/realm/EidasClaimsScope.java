package it.spidonly.keycloak.eidas.realm;

import java.util.List;

import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.UserAttributeMapper;

import it.spidonly.keycloak.eidas.claims.EidasAcrMapper;
import it.spidonly.keycloak.eidas.identity.EidasUserAttributes;

/**
 * Two client scopes for the realm's OIDC clients (claim table in docs/eidas.md): "eidas", optional like "spid" (apps
 * ask for it), with the eIDAS person identifier, origin country, birth date and the full set's data; and
 * "eidas-acr", a default scope with one mapper: {@code acr} = the eIDAS level achieved, for eIDAS logins only.
 */
public final class EidasClaimsScope {
    public static final String NAME = "eidas";
    public static final String ACR_NAME = "eidas-acr";

    /** user attribute, claim name. */
    static final List<String[]> ATTRIBUTE_CLAIMS = List.of(
            new String[] {EidasUserAttributes.PERSON_IDENTIFIER, "eidas_person_identifier"},
            new String[] {EidasUserAttributes.COUNTRY, "eidas_country"},
            new String[] {EidasUserAttributes.DATE_OF_BIRTH, "birthdate"},
            new String[] {EidasUserAttributes.PLACE_OF_BIRTH, "place_of_birth"},
            new String[] {EidasUserAttributes.ADDRESS, "eidas_address"},
            new String[] {EidasUserAttributes.GENDER, "gender"});

    private EidasClaimsScope() {
    }

    static void ensure(RealmModel realm) {
        ensureAttributes(realm);
        ensureAcr(realm);
    }

    private static void ensureAttributes(RealmModel realm) {
        if (exists(realm, NAME)) {
            return;
        }
        ClientScopeModel scope = realm.addClientScope(NAME);
        scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        scope.setDescription("eIDAS data: person identifier, origin country, birth date and place, address, gender; acr = eIDAS level");
        scope.setIncludeInTokenScope(true);
        scope.setDisplayOnConsentScreen(true);
        for (String[] claim : ATTRIBUTE_CLAIMS) {
            ProtocolMapperModel mapper = UserAttributeMapper.createClaimMapper("eIDAS " + claim[0], claim[0], claim[1], "String", true, true, true);
            mapper.getConfig().put(OIDCAttributeMapperHelper.INCLUDE_IN_USERINFO, "true");
            scope.addProtocolMapper(mapper);
        }
        addToClients(realm, scope, false);
    }

    private static void ensureAcr(RealmModel realm) {
        if (exists(realm, ACR_NAME)) {
            return;
        }
        ClientScopeModel scope = realm.addClientScope(ACR_NAME);
        scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        scope.setDescription("acr = the eIDAS level of assurance achieved, for eIDAS logins");
        scope.setIncludeInTokenScope(false);
        scope.setDisplayOnConsentScreen(false);
        scope.addProtocolMapper(EidasAcrMapper.model());
        addToClients(realm, scope, true);
    }

    private static boolean exists(RealmModel realm, String name) {
        return realm.getClientScopesStream().anyMatch(s -> name.equals(s.getName()));
    }

    private static void addToClients(RealmModel realm, ClientScopeModel scope, boolean defaultScope) {
        realm.addDefaultClientScope(scope, defaultScope);
        realm.getClientsStream()
                .filter(c -> OIDCLoginProtocol.LOGIN_PROTOCOL.equals(c.getProtocol()) || c.getProtocol() == null)
                .filter(c -> !c.isBearerOnly())
                .forEach(c -> c.addClientScope(scope, defaultScope));
    }
}
