package it.spidonly.keycloak.spid.sp;

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

/**
 * A realm-level settings page of the bundle in Keycloak's admin console: a {@link UiPageProviderFactory} whose saved
 * forms are realm components (database, cluster-wide, realm export/import). Subclasses give the form and the checks;
 * a refused save shows the first {@link Problem}, which Keycloak's component endpoint translates into the admin's
 * language from the bundle's {@code theme-resources/messages}.
 */
public abstract class RealmSettingsPage implements UiPageProviderFactory<ComponentModel>, UiPageProvider {
    private final String id;
    private final String helpText;
    private final List<ProviderConfigProperty> properties;
    private final List<String> listColumns;

    protected RealmSettingsPage(String id, String helpText, List<ProviderConfigProperty> properties, List<String> listColumns) {
        this.id = id;
        this.helpText = helpText;
        this.properties = List.copyOf(properties);
        this.listColumns = List.copyOf(listColumns);
    }

    /** What is wrong with the settings about to be saved; empty when they can be saved. */
    protected abstract List<Problem> problems(KeycloakSession session, RealmModel realm, ComponentModel model);

    /**
     * Runs once the settings passed {@link #problems}, just before Keycloak stores them: a page may complete the model
     * here (e.g. server-written fields), or refuse with a {@link ComponentValidationException}.
     */
    protected void beforeSave(KeycloakSession session, RealmModel realm, ComponentModel model) {
    }

    @Override
    public final void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        List<Problem> problems = problems(session, realm, model);
        if (!problems.isEmpty()) {
            Problem first = problems.get(0);
            throw new ComponentValidationException(first.key(), first.params().toArray());
        }
        beforeSave(session, realm, model);
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getHelpText() {
        return helpText;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return properties;
    }

    /** The columns of the admin console's list of this page. */
    @Override
    public Map<String, Object> getTypeMetadata() {
        return Map.of("displayFields", listColumns);
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
    }

    @Override
    public void close() {
    }
}
