package it.spidonly.keycloak.testproviders.cutover;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Test stand-in for the cutover issue's login form: the login theme's contract is that login form pages may
 * carry {@code cutoverInstant}, {@code cutoverDate} and {@code cutoverPassed}; this form sets them from its
 * config so the integration tests can show the page on both sides of the cutover. Not for production.
 */
public class CutoverAttributesFormFactory extends UsernamePasswordFormFactory {
    public static final String PROVIDER_ID = "test-cutover-attributes-form";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Username Password Form with cutover attributes (test stand-in)";
    }

    @Override
    public String getHelpText() {
        return "Test only: the username/password form, with the cutover attributes of its config on the page.";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(CutoverAttributes.INSTANT).label("cutoverInstant").type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(CutoverAttributes.DATE).label("cutoverDate").type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(CutoverAttributes.PASSED).label("cutoverPassed").type(ProviderConfigProperty.BOOLEAN_TYPE).add()
                .build();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new CutoverAttributesForm(session);
    }
}
