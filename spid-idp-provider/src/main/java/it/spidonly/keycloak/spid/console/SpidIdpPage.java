package it.spidonly.keycloak.spid.console;

import static it.spidonly.keycloak.spid.console.SpidIdpPageProperties.ALIAS;
import static it.spidonly.keycloak.spid.console.SpidIdpPageProperties.DISPLAY_NAME;
import static it.spidonly.keycloak.spid.console.SpidIdpPageProperties.METADATA_URL;

import java.util.List;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import it.spidonly.keycloak.spid.sp.Problem;
import it.spidonly.keycloak.spid.sp.RealmSettingsPage;

/**
 * "Add SPID identity provider": the console page (realm sidebar, {@code spid-idp}) that does for a {@code spid-saml}
 * IdP what Keycloak's console does only for its own {@code saml} type: create it from the IdP's metadata, by URL or
 * pasted XML, with no client id or secret. Each item is one IdP; saving imports the metadata and creates or updates
 * the IdP through Keycloak's own model (as the admin REST API does), or refuses with a localised message.
 */
public class SpidIdpPage extends RealmSettingsPage {
    public static final String PROVIDER_ID = "spid-idp";

    public SpidIdpPage() {
        super(PROVIDER_ID,
                "Add a SPID identity provider from its SAML metadata (URL or pasted XML). Saving imports the metadata and "
                        + "creates or updates the identity provider of type SPID with this alias.",
                SpidIdpPageProperties.build(), List.of(ALIAS, DISPLAY_NAME, METADATA_URL));
    }

    @Override
    protected List<Problem> problems(KeycloakSession session, RealmModel realm, ComponentModel model) {
        return new SpidIdpForm(model).problems(session, realm, model.getId());
    }

    @Override
    protected void beforeSave(KeycloakSession session, RealmModel realm, ComponentModel model) {
        SpidIdpForm form = new SpidIdpForm(model);
        new SpidIdpImport(session, realm).save(form);
        model.getConfig().putSingle(SpidIdpPageProperties.METADATA_XML, "");
    }
}
