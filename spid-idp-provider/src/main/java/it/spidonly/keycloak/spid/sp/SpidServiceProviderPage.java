package it.spidonly.keycloak.spid.sp;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.Urls;
import org.keycloak.urls.UrlType;

import it.spidonly.keycloak.spid.readiness.ReadinessSnapshot;
import it.spidonly.keycloak.spid.realm.SpidRealmSetup;
import it.spidonly.keycloak.spid.keys.SpidSigningKey;

/**
 * The realm's SPID service provider, as an admin-console page. Keycloak stores each saved form as a
 * component of the realm: in the database (so every cluster node sees it), in realm exports and imports.
 * Saving runs {@link #validateConfiguration}, which refuses invalid settings with a localised message.
 */
public class SpidServiceProviderPage extends RealmSettingsPage {
    public static final String PROVIDER_ID = "spid-service-provider";

    public SpidServiceProviderPage() {
        super(PROVIDER_ID,
                "The ministry as one SPID service provider: the data of its SP metadata, shared by every SPID identity provider of the realm.",
                withReadiness(SpidServiceProviderProperties.build()),
                List.of(SpidServiceProviderProperties.ENTITY_ID, SpidServiceProviderProperties.ORGANIZATION_NAME_IT,
                        SpidServiceProviderProperties.SP_TYPE));
    }

    private static List<ProviderConfigProperty> withReadiness(List<ProviderConfigProperty> properties) {
        List<ProviderConfigProperty> all = new ArrayList<>(properties);
        all.add(ReadinessSnapshot.property());
        return all;
    }

    @Override
    protected List<Problem> problems(KeycloakSession session, RealmModel realm, ComponentModel model) {
        SpidServiceProviderConfig config = new SpidServiceProviderConfig(model.getConfig());
        List<Problem> problems = new ArrayList<>(SpidServiceProviderValidator.problems(config));
        if (SpidServiceProviders.components(realm).anyMatch(c -> !c.getId().equals(model.getId()))) {
            problems.add(Problem.of("spidSpAlreadyExists"));
        }
        SpidSigningKey.problem(session, realm, config).ifPresent(problems::add);
        problems.addAll(it.spidonly.keycloak.cie.sp.CieSettingsCheck.problems(config));
        return problems;
    }

    /**
     * Each save (create or update) brings the bundle's first-login flow, claims scope, level map and user profile into
     * the realm (only what is missing), then fills the server-written fields: where the metadata is served and the
     * readiness at this save. All on the model Keycloak is about to store: the component is written once.
     */
    @Override
    protected void beforeSave(KeycloakSession session, RealmModel realm, ComponentModel model) {
        SpidRealmSetup.ensure(session, realm);
        URI base = session.getContext().getUri(UrlType.FRONTEND).getBaseUri();
        model.getConfig().putSingle(SpidServiceProviderProperties.METADATA_URL,
                Urls.realmBase(base).path(realm.getName()).path("spid").path("metadata").build().toString());
        model.getConfig().putSingle(SpidServiceProviderProperties.CIE_METADATA_URL,
                Urls.realmBase(base).path(realm.getName()).path("spid").path("cie").path("metadata").build().toString());
        ReadinessSnapshot.fill(session, realm, model);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // realm imports do not call onCreate for imported components: set the realm up after the import
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created
                    && SpidServiceProviders.of(created.getCreatedRealm()).isPresent()) {
                SpidRealmSetup.ensure(created.getKeycloakSession(), created.getCreatedRealm());
            }
        });
    }
}
