package it.spidonly.keycloak.spid.console;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.broker.provider.IdentityProvider;
import org.keycloak.broker.provider.IdentityProviderFactory;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.RepresentationToModel;
import org.keycloak.representations.idm.IdentityProviderRepresentation;

import it.spidonly.keycloak.spid.broker.SpidIdentityProviderConfig;
import it.spidonly.keycloak.spid.broker.SpidIdentityProviderFactory;

/**
 * Creates or updates one {@code spid-saml} identity provider from its metadata, the way Keycloak's admin REST API
 * does ({@code import-config}, then {@code identity-provider/instances}): the metadata is read by the SPID factory's
 * parser (Keycloak's secure SAML parser), the model made by {@link RepresentationToModel}, stored through
 * {@code session.identityProviders()}. A URL is fetched with Keycloak's HTTP client (its truststore, proxy and
 * response size limit).
 */
final class SpidIdpImport {
    private static final Logger LOG = Logger.getLogger(SpidIdpImport.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    SpidIdpImport(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    void save(SpidIdpForm form) {
        Map<String, String> config = form.hasMetadata() ? parse(metadata(form)) : new HashMap<>();
        if (!form.level().isEmpty()) {
            config.put(SpidIdentityProviderConfig.SPID_LEVEL, form.level());
        }
        IdentityProviderModel existing = session.identityProviders().getByAlias(form.alias());
        if (existing == null) {
            IdentityProviderRepresentation rep = new IdentityProviderRepresentation();
            rep.setAlias(form.alias());
            rep.setDisplayName(form.displayName().isEmpty() ? null : form.displayName());
            rep.setProviderId(SpidIdentityProviderFactory.PROVIDER_ID);
            rep.setEnabled(true);
            rep.setConfig(config);
            session.identityProviders().create(RepresentationToModel.toModel(realm, rep, session));
        } else {
            existing.getConfig().putAll(config);
            if (form.level().isEmpty()) {
                existing.getConfig().remove(SpidIdentityProviderConfig.SPID_LEVEL);
            }
            if (!form.displayName().isEmpty()) {
                existing.setDisplayName(form.displayName());
            }
            session.identityProviders().update(existing);
        }
    }

    private String metadata(SpidIdpForm form) {
        if (!form.metadataXml().isEmpty()) {
            return form.metadataXml();
        }
        try {
            return session.getProvider(HttpClientProvider.class).getString(form.metadataUrl());
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "SPID IdP metadata not fetched from %s", form.metadataUrl());
            throw new ComponentValidationException("spidIdpMetadataUnreachable", form.metadataUrl());
        }
    }

    private Map<String, String> parse(String metadata) {
        IdentityProviderFactory<?> factory = (IdentityProviderFactory<?>) session.getKeycloakSessionFactory()
                .getProviderFactory(IdentityProvider.class, SpidIdentityProviderFactory.PROVIDER_ID);
        try {
            Map<String, String> config = new HashMap<>(factory.parseConfig(session, metadata));
            if (config.getOrDefault("idpEntityId", "").isBlank() || config.getOrDefault("singleSignOnServiceUrl", "").isBlank()) {
                throw new ComponentValidationException("spidIdpMetadataUnreadable");
            }
            return config;
        } catch (ComponentValidationException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.debugf(e, "SPID IdP metadata not readable");
            throw new ComponentValidationException("spidIdpMetadataUnreadable");
        }
    }
}
