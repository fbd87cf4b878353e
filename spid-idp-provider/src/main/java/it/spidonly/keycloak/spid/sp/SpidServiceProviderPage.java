package it.spidonly.keycloak.spid.sp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.ui.extend.UiPageProvider;
import org.keycloak.services.ui.extend.UiPageProviderFactory;

import it.spidonly.keycloak.spid.realm.SpidRealmSetup;
import it.spidonly.keycloak.spid.keys.SpidSigningKey;

/**
 * The realm's SPID service provider, as an admin-console page. Keycloak stores each saved form as a
 * component of the realm: in the database (so every cluster node sees it), in realm exports and imports.
 * Saving runs {@link #validateConfiguration}, which refuses invalid settings with a localised message.
 */
public class SpidServiceProviderPage implements UiPageProviderFactory<ComponentModel>, UiPageProvider {
    public static final String PROVIDER_ID = "spid-service-provider";

    private static final List<ProviderConfigProperty> PROPERTIES = SpidServiceProviderProperties.build();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "The ministry as one SPID service provider: the data of its SP metadata, shared by every SPID identity provider of the realm.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }

    /** The columns of the admin console's list of this page. */
    @Override
    public Map<String, Object> getTypeMetadata() {
        return Map.of("displayFields", List.of(SpidServiceProviderProperties.ENTITY_ID,
                SpidServiceProviderProperties.ORGANIZATION_NAME_IT, SpidServiceProviderProperties.SP_TYPE));
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        List<Problem> problems = new ArrayList<>(SpidServiceProviderValidator.problems(new SpidServiceProviderConfig(model.getConfig())));
        long others = SpidServiceProviders.components(realm).filter(c -> !c.getId().equals(model.getId())).count();
        if (others > 0) {
            problems.add(Problem.of("spidSpAlreadyExists"));
        }
        SpidSigningKey.problem(session, realm, new SpidServiceProviderConfig(model.getConfig())).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            // Keycloak's component endpoint translates the key into the admin's language; one problem at a time
            Problem first = problems.get(0);
            throw new ComponentValidationException(first.key(), first.params().toArray());
        }
    }

    /** A new SPID SP brings the bundle's first-login flow, claims scope and level map into the realm. */
    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        SpidRealmSetup.ensure(session, realm);
    }

    @Override
    public UiPageProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public void init(Config.Scope config) {
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

    @Override
    public void close() {
    }
}
