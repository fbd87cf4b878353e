package it.spidonly.keycloak.cutover.admin;

import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.ui.extend.UiPageProvider;

import it.spidonly.keycloak.cutover.session.LegacySessionsEnded;
import it.spidonly.keycloak.cutover.settings.CutoverConfig;
import it.spidonly.keycloak.cutover.settings.CutoverPage;
import it.spidonly.keycloak.cutover.settings.CutoverSettings;
import it.spidonly.keycloak.cutover.settings.Cutovers;
import it.spidonly.keycloak.spid.sp.AdminRefusal;

/**
 * {@code GET} and {@code PUT /admin/realms/{realm}/spid-cutover}: the same realm component the admin console's
 * {@code spid-cutover} page edits, as one typed JSON object. Reading needs view-realm, changing manage-realm;
 * a change is an admin event; a refused change is {@code 400 {"error": key, "message": localised}}.
 */
public class CutoverAdminResource {
    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    CutoverAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.COMPONENT);
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public CutoverRepresentation get() {
        auth.realm().requireViewRealm();
        return current();
    }

    @PUT
    @Path("")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(CutoverRepresentation change) {
        auth.realm().requireManageRealm();
        if (change == null) {
            return refusal("cutoverBodyRequired", new Object[0]);
        }
        Optional<ComponentModel> existing = Cutovers.components(realm).findFirst();
        CutoverSettings base = existing.map(c -> new CutoverConfig(c.getConfig()).settings()).orElse(CutoverSettings.MINISTRY_DEFAULT);
        ComponentModel model = existing.map(ComponentModel::new).orElseGet(this::newComponent);
        model.setConfig(CutoverConfig.toConfig(
                String.valueOf(change.enabled != null ? change.enabled : base.enabled()),
                change.cutoverAt != null ? change.cutoverAt : base.localDateTime().toString(),
                change.timeZone != null ? change.timeZone : base.zone().getId()));
        try {
            new CutoverPage().validateConfiguration(session, realm, model);
            if (existing.isPresent()) {
                realm.updateComponent(model);
            } else {
                model = realm.addComponentModel(model);
            }
        } catch (ComponentValidationException e) {
            return refusal(e.getMessage(), e.getParameters());
        }
        CutoverRepresentation now = current();
        adminEvent.operation(existing.isPresent() ? OperationType.UPDATE : OperationType.CREATE)
                .resourcePath("components", model.getId()).representation(now).success();
        return Response.ok(now).build();
    }

    private CutoverRepresentation current() {
        Optional<CutoverSettings> settings = Cutovers.of(realm);
        CutoverSettings shown = settings.orElse(CutoverSettings.MINISTRY_DEFAULT.withEnabled(false));
        CutoverRepresentation representation = CutoverRepresentation.of(settings.isPresent(), shown, Cutovers.phase(realm));
        representation.legacySessionsEndedFor = settings
                .flatMap(s -> LegacySessionsEnded.endedFor(session, realm, s)).orElse(null);
        return representation;
    }

    private ComponentModel newComponent() {
        ComponentModel model = new ComponentModel();
        model.setName("SPID-only cutover");
        model.setParentId(realm.getId());
        model.setProviderId(CutoverPage.PROVIDER_ID);
        model.setProviderType(UiPageProvider.class.getName());
        return model;
    }

    private Response refusal(String key, Object[] params) {
        return AdminRefusal.response(session, realm, auth, Response.Status.BAD_REQUEST, key, params);
    }
}
