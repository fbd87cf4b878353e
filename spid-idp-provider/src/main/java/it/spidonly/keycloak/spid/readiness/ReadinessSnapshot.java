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
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

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
     * Puts the current findings into the SP settings being saved (Keycloak stores them right after): never a second
     * write of the component from its own create/update hooks, which doubled every stored list.
     */
    public static void fill(KeycloakSession session, RealmModel realm, ComponentModel sp) {
        Locale locale = session.getContext().getRequestHeaders() == null ? Locale.ENGLISH
                : session.getContext().getRequestHeaders().getAcceptableLanguages().stream()
                        .filter(l -> !"*".equals(l.getLanguage())).findFirst().orElse(Locale.ENGLISH);
        sp.getConfig().putSingle(KEY, text(RealmReadiness.findings(session, realm, new SpidServiceProviderConfig(sp.getConfig())), locale));
    }

    static String text(List<Problem> findings, Locale locale) {
        if (findings.isEmpty()) {
            return "it".equals(locale.getLanguage()) ? "Pronto." : "Ready.";
        }
        return findings.stream().map(p -> "- " + SpidMessages.format(p, locale)).collect(Collectors.joining("\n"));
    }
}
