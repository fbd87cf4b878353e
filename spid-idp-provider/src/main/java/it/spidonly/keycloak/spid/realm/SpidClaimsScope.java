package it.spidonly.keycloak.spid.realm;

import java.util.List;

import org.keycloak.events.Details;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.UserAttributeMapper;
import org.keycloak.protocol.oidc.mappers.UserSessionNoteMapper;

/**
 * The "spid" client scope: the verified SPID data as ID-token, access-token and userinfo claims
 * (the claim table is in docs/claims.md). Names, e-mail and acr come from Keycloak's own scopes.
 */
public final class SpidClaimsScope {
    public static final String NAME = "spid";

    /** user attribute, claim name. */
    static final List<String[]> ATTRIBUTE_CLAIMS = List.of(
            new String[] {"fiscalNumber", "fiscal_number"},
            new String[] {"dateOfBirth", "birthdate"},
            new String[] {"gender", "gender"},
            new String[] {"placeOfBirth", "place_of_birth"},
            new String[] {"countyOfBirth", "county_of_birth"},
            new String[] {"mobilePhone", "phone_number"},
            new String[] {"digitalAddress", "digital_address"},
            new String[] {"ivaCode", "iva_code"},
            new String[] {"companyName", "company_name"});

    private SpidClaimsScope() {
    }

    static void ensure(RealmModel realm) {
        boolean exists = realm.getClientScopesStream().anyMatch(s -> NAME.equals(s.getName()));
        if (exists) {
            return;
        }
        ClientScopeModel scope = realm.addClientScope(NAME);
        scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        scope.setDescription("SPID data: fiscal number, birth date and place, gender, mobile, identity provider used");
        scope.setIncludeInTokenScope(true);
        scope.setDisplayOnConsentScreen(true);
        for (String[] claim : ATTRIBUTE_CLAIMS) {
            scope.addProtocolMapper(withUserInfo(UserAttributeMapper.createClaimMapper("SPID " + claim[0], claim[0], claim[1], "String", true, true, true)));
        }
        scope.addProtocolMapper(withUserInfo(UserSessionNoteMapper.createClaimMapper("SPID identity provider",
                Details.IDENTITY_PROVIDER, "identity_provider", "String", true, true, true)));
        realm.addDefaultClientScope(scope, false);
        realm.getClientsStream()
                .filter(c -> OIDCLoginProtocol.LOGIN_PROTOCOL.equals(c.getProtocol()) || c.getProtocol() == null)
                .filter(c -> !c.isBearerOnly())
                .forEach(c -> c.addClientScope(scope, false));
    }

    private static ProtocolMapperModel withUserInfo(ProtocolMapperModel mapper) {
        mapper.getConfig().put(OIDCAttributeMapperHelper.INCLUDE_IN_USERINFO, "true");
        return mapper;
    }
}
