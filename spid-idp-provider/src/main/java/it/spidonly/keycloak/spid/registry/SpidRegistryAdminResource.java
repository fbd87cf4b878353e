package it.spidonly.keycloak.spid.registry;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.component.ComponentModel;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import it.spidonly.keycloak.spid.sp.AdminRefusal;

/**
 * {@code /admin/realms/{realm}/spid-registry}: {@code GET} the registry settings and the status of the last refresh
 * (view identity providers); {@code POST refresh} reads, verifies and imports the registry now (manage identity
 * providers; an admin event records what changed). Without a {@code spid-registry} page the bundled copy of AgID's
 * registry is used. A refused registry answers {@code 502 {"error": key, "message": localised}}, changes no IdP,
 * and is recorded in the status.
 */
public class SpidRegistryAdminResource {
    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final RegistryPage page;

    SpidRegistryAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                              AdminEventBuilder adminEvent, RegistryPage page) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.IDENTITY_PROVIDER);
        this.page = page;
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> status() {
        auth.realm().requireViewIdentityProviders();
        Optional<ComponentModel> component = RegistryComponents.of(realm);
        RegistrySettings settings = component.map(c -> RegistrySettings.of(c.getConfig())).orElse(RegistrySettings.DEFAULT);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("configured", component.isPresent());
        body.put("settings", settings);
        RegistryStatus status = component.map(c -> RegistryStatus.of(c.getConfig())).orElse(null);
        body.put("status", status);
        body.put("statusText", status == null ? null : status.message(adminLanguage()));
        return body;
    }

    /** The language the request accepts first, else the admin's locale (as {@link AdminRefusal}). */
    private String adminLanguage() {
        return session.getContext().getRequestHeaders().getAcceptableLanguages().stream().findFirst()
                .map(l -> l.getLanguage()).filter(l -> !"*".equals(l))
                .orElse(auth.adminAuth().getToken().getLocale());
    }

    @POST
    @Path("refresh")
    @Produces(MediaType.APPLICATION_JSON)
    public Response refresh() {
        auth.realm().requireManageIdentityProviders();
        Optional<ComponentModel> component = RegistryComponents.of(realm);
        RegistrySettings settings = component.map(c -> RegistrySettings.of(c.getConfig())).orElse(RegistrySettings.DEFAULT);
        RegistryStatus previous = component.map(c -> RegistryStatus.of(c.getConfig())).orElse(RegistryStatus.NONE);
        RegistrySlot.claim(session, realm.getId(), settings, Clock.systemUTC().instant());
        RegistryRefresh.Outcome outcome = RegistryRefresh.run(session, realm, settings, previous,
                AdminTrigger.of(auth.adminAuth().getUser()), page.options(), Clock.systemUTC());
        component.ifPresent(c -> page.saveStatus(realm, c, outcome.status()));
        if (!outcome.succeeded()) {
            return AdminRefusal.response(session, realm, auth, Response.Status.BAD_GATEWAY, outcome.refusal().reason());
        }
        adminEvent.operation(OperationType.UPDATE).resourcePath(session.getContext().getUri())
                .representation(outcome.result()).success();
        return Response.ok(outcome.result()).build();
    }
}
