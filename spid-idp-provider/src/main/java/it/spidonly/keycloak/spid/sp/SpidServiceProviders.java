package it.spidonly.keycloak.spid.sp;

import java.util.Optional;
import java.util.stream.Stream;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiPageProvider;

/** Finds the realm's SPID service provider settings (at most one component per realm). */
public final class SpidServiceProviders {
    private SpidServiceProviders() {
    }

    public static Stream<ComponentModel> components(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .filter(c -> SpidServiceProviderPage.PROVIDER_ID.equals(c.getProviderId()));
    }

    public static Optional<SpidServiceProviderConfig> of(RealmModel realm) {
        return components(realm).findFirst().map(c -> new SpidServiceProviderConfig(c.getConfig()));
    }
}
