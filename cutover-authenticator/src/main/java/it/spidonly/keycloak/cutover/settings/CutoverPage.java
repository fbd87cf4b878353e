package it.spidonly.keycloak.cutover.settings;

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

import it.spidonly.keycloak.spid.sp.Problem;

/**
 * The realm's SPID-only cutover as an admin-console page (realm sidebar, {@code spid-cutover}), stored as a
 * realm component like the SPID service provider page. Saving runs {@link #validateConfiguration}: a clear,
 * localised refusal for a date or time zone that cannot be read, a second cutover, or a cutover in the master realm.
 */
public class CutoverPage implements UiPageProviderFactory<ComponentModel>, UiPageProvider {
    public static final String PROVIDER_ID = "spid-cutover";

    private static final List<ProviderConfigProperty> PROPERTIES = CutoverProperties.build();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "SPID-only cutover: from this date and time legacy username/password and INPS PIN logins are refused on every path; before it their pages announce the date.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }

    @Override
    public Map<String, Object> getTypeMetadata() {
        return Map.of("displayFields", List.of(CutoverProperties.LOCAL_DATE_TIME, CutoverProperties.TIME_ZONE, CutoverProperties.ENABLED));
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        List<Problem> problems = new ArrayList<>();
        if (Cutovers.isAdminRealm(realm)) {
            problems.add(Problem.of("cutoverNotInAdminRealm"));
        }
        if (Cutovers.components(realm).anyMatch(c -> !c.getId().equals(model.getId()))) {
            problems.add(Problem.of("cutoverAlreadyExists"));
        }
        problems.addAll(new CutoverConfig(model.getConfig()).problems());
        if (!problems.isEmpty()) {
            Problem first = problems.get(0);
            throw new ComponentValidationException(first.key(), first.params().toArray());
        }
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
