package it.spidonly.keycloak.cutover.settings;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiPageProvider;

/**
 * Finds a realm's cutover: at most one {@code spid-cutover} component per realm, in Keycloak's database (cached
 * and invalidated cluster-wide). A realm without one has no cutover; the master realm never has one, so the
 * administrators' login is never affected.
 */
public final class Cutovers {
    private Cutovers() {
    }

    public static Stream<ComponentModel> components(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .filter(c -> CutoverPage.PROVIDER_ID.equals(c.getProviderId()));
    }

    public static Optional<CutoverSettings> of(RealmModel realm) {
        if (realm == null || isAdminRealm(realm)) {
            return Optional.empty();
        }
        return components(realm).findFirst().map(c -> new CutoverConfig(c.getConfig()).settings());
    }

    /** The realm's phase now, on Keycloak's clock (which honours Keycloak's time offset). */
    public static CutoverPhase phase(RealmModel realm) {
        return of(realm).map(s -> s.phaseAt(now())).orElse(CutoverPhase.OFF);
    }

    public static Instant now() {
        return Instant.ofEpochMilli(Time.currentTimeMillis());
    }

    static boolean isAdminRealm(RealmModel realm) {
        return Config.getAdminRealm().equals(realm.getName());
    }
}
