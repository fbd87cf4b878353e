package it.spidonly.keycloak.helpdesk.token;

import java.util.List;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.IDToken;

import it.spidonly.keycloak.helpdesk.HelpdeskContract;

/**
 * Issue 7, Tokens: sessions opened through the help-desk path carry their own {@code acr}
 * ({@value #DEFAULT_ACR} unless configured), never a SPID level, so apps can refuse them where the law asks for
 * SPID. Runs after Keycloak's "acr loa level" mapper (higher priority) and replaces its value only for those sessions.
 */
public class HelpdeskAcrMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper, OIDCIDTokenMapper, TokenIntrospectionTokenMapper {
    public static final String ID = "helpdesk-acr-mapper";
    public static final String DEFAULT_ACR = "https://spid-only.example/acr/helpdesk";
    static final String CONFIG_ACR = "helpdesk.acr";
    private static final List<ProviderConfigProperty> CONFIG = configProperties();

    private static List<ProviderConfigProperty> configProperties() {
        List<ProviderConfigProperty> props = ProviderConfigurationBuilder.create()
                .property().name(CONFIG_ACR).label("acr value").type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(DEFAULT_ACR).helpText("The acr of sessions opened with help-desk credentials.").add()
                .build();
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(props, HelpdeskAcrMapper.class);
        return props;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "Help-desk acr";
    }

    @Override
    public String getHelpText() {
        return "Sets acr to the help-desk value for sessions opened with help-desk credentials.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public int getPriority() {
        return 100;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel model, UserSessionModel userSession, KeycloakSession session,
                            ClientSessionContext clientSessionCtx) {
        if ("true".equals(userSession.getNote(HelpdeskContract.SESSION_NOTE))) {
            String value = model.getConfig().get(CONFIG_ACR);
            token.setAcr(value == null || value.isBlank() ? DEFAULT_ACR : value);
        }
    }
}
