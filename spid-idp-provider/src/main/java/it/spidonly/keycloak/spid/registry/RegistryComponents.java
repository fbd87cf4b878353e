package it.spidonly.keycloak.spid.registry;

import java.util.Optional;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiPageProvider;

/** Finds the realm's registry settings: at most one {@code spid-registry} component. */
final class RegistryComponents {
    private RegistryComponents() {
    }

    static Optional<ComponentModel> of(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .filter(c -> RegistryPage.PROVIDER_ID.equals(c.getProviderId())).findFirst();
    }
}
