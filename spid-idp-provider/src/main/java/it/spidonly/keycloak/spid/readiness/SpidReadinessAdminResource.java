package it.spidonly.keycloak.spid.readiness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import it.spidonly.keycloak.spid.sp.Problem;
import it.spidonly.keycloak.spid.sp.SpidMessages;

/**
 * {@code GET /admin/realms/{realm}/spid-readiness} (view realm): {@code {"ready": bool, "findings": [{"key",
 * "message"}]}}, the messages in the language the request accepts first, else the admin's.
 */
public class SpidReadinessAdminResource {
    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    SpidReadinessAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> readiness() {
        auth.realm().requireViewRealm();
        Locale locale = session.getContext().getRequestHeaders().getAcceptableLanguages().stream()
                .filter(l -> !"*".equals(l.getLanguage())).findFirst()
                .orElseGet(() -> Locale.forLanguageTag(String.valueOf(auth.adminAuth().getToken().getLocale())));
        List<Problem> findings = RealmReadiness.findings(session, realm);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ready", findings.isEmpty());
        body.put("findings", findings.stream().map(p -> Map.of("key", p.key(), "message", SpidMessages.format(p, locale))).toList());
        return body;
    }
}
