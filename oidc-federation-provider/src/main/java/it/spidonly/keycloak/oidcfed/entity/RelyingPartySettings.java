package it.spidonly.keycloak.oidcfed.entity;

import java.util.Optional;
import java.util.stream.Stream;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiPageProvider;

/** Finds the realm's OIDC federation relying-party settings (at most one component per realm). */
public final class RelyingPartySettings {
    private RelyingPartySettings() {
    }

    public static Stream<ComponentModel> components(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .filter(c -> RelyingPartyPage.PROVIDER_ID.equals(c.getProviderId()));
    }

    public static Optional<RelyingPartyConfig> of(RealmModel realm) {
        return components(realm).findFirst().map(c -> new RelyingPartyConfig(c.getConfig()));
    }
}
