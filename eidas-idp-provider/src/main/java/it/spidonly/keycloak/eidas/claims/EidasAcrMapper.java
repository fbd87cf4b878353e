package it.spidonly.keycloak.eidas.claims;

import java.util.List;
import java.util.Map;

import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * {@code acr} = the eIDAS level of assurance achieved ({@code http://eidas.europa.eu/LoA/substantial} or
 * {@code .../high}) for a session that began with an eIDAS login; other sessions keep Keycloak's {@code acr}
 * (for SPID, the level from the realm's ACR map). Runs after Keycloak's own acr mapper (higher priority number).
 */
public class EidasAcrMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper {
    public static final String PROVIDER_ID = "eidas-acr-mapper";
    /** User-session note with the eIDAS level URI, written when an eIDAS login finishes. */
    public static final String SESSION_NOTE = "eidas.loa";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "eIDAS level of assurance as acr";
    }

    @Override
    public String getHelpText() {
        return "For eIDAS logins, sets the acr claim to the eIDAS level achieved (http://eidas.europa.eu/LoA/...).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public int getPriority() {
        return 100;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession) {
        String level = userSession.getNote(SESSION_NOTE);
        if (level != null) {
            token.setAcr(level);
        }
    }

    public static ProtocolMapperModel model() {
        ProtocolMapperModel mapper = new ProtocolMapperModel();
        mapper.setName("eIDAS acr");
        mapper.setProtocolMapper(PROVIDER_ID);
        mapper.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        mapper.setConfig(new java.util.HashMap<>(Map.of(
                OIDCAttributeMapperHelper.INCLUDE_IN_ID_TOKEN, "true",
                OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN, "true",
                OIDCAttributeMapperHelper.INCLUDE_IN_USERINFO, "true")));
        return mapper;
    }
}
