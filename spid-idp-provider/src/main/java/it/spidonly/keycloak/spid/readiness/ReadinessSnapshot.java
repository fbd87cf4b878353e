package it.spidonly.keycloak.spid.readiness;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;

import it.spidonly.keycloak.spid.sp.Problem;
import it.spidonly.keycloak.spid.sp.SpidMessages;

/**
 * The readiness check on the SPID page: a read-only field the server fills each time the SP is saved (in the language
 * of the admin's request); the live list is at {@code GET /admin/realms/{realm}/spid-readiness}.
 */
public final class ReadinessSnapshot {
    public static final String KEY = "readiness";

    private ReadinessSnapshot() {
    }

    public static ProviderConfigProperty property() {
        ProviderConfigProperty property = new ProviderConfigProperty(KEY, "Readiness (at the last save)",
                "What the realm still lacks for SPID logins, as found when these settings were last saved; "
                        + "the current list: GET /admin/realms/{realm}/spid-readiness.",
                ProviderConfigProperty.TEXT_TYPE, null);
        property.setReadOnly(true);
        return property;
    }

    /**
     * Puts the current findings into SP settings about to be saved (an update: no second write of the component in
     * the same transaction, which made Keycloak store every multi-valued setting twice).
     */
    public static void put(KeycloakSession session, RealmModel realm, ComponentModel sp) {
        sp.getConfig().putSingle(KEY, text(RealmReadiness.findings(session, realm), locale(session)));
    }

    /** Writes the current findings into a just-created SP component when they changed (so a re-save does not loop). */
    public static void store(KeycloakSession session, RealmModel realm, ComponentModel sp) {
        String text = text(RealmReadiness.findings(session, realm), locale(session));
        ComponentModel stored = realm.getComponent(sp.getId());
        if (stored != null && !text.equals(stored.get(KEY))) {
            ComponentModel copy = new ComponentModel(stored);
            copy.put(KEY, text);
            realm.updateComponent(copy);
        }
    }

    private static Locale locale(KeycloakSession session) {
        return session.getContext().getRequestHeaders() == null ? Locale.ENGLISH
                : session.getContext().getRequestHeaders().getAcceptableLanguages().stream()
                        .filter(l -> !"*".equals(l.getLanguage())).findFirst().orElse(Locale.ENGLISH);
    }

    static String text(List<Problem> findings, Locale locale) {
        if (findings.isEmpty()) {
            return "it".equals(locale.getLanguage()) ? "Pronto." : "Ready.";
        }
        return findings.stream().map(p -> "- " + SpidMessages.format(p, locale)).collect(Collectors.joining("\n"));
    }
}
