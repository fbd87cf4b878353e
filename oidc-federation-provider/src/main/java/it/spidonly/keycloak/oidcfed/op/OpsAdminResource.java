package it.spidonly.keycloak.oidcfed.op;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code POST /admin/realms/{realm}/oidc-federation/ops/refresh} (and {@code .../oidc-federation-ops/refresh}) with
 * {@code {"trustAnchor": "...", "providerId": "spid-oidc"|"cie-oidc", "trustMarkType": optional}}: lists the trust
 * anchor's OPs, resolves each and creates, updates or disables the IdPs ({@link OpListRefresh}); the source is
 * remembered so the scheduled refresh keeps the IdPs fresh. Needs "manage identity providers". A bad request answers
 * 400, an unreachable trust anchor 502, both {@code {"error", "message"}}.
 */
public class OpsAdminResource {
    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public OpsAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.IDENTITY_PROVIDER);
    }

    @POST
    @Path("refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response refresh(Map<String, String> body) {
        auth.realm().requireManageIdentityProviders();
        String ta = body == null ? null : body.get("trustAnchor");
        String providerId = body == null ? null : body.get("providerId");
        if (ta == null || !FederatedOpConfig.isHttpUrl(ta)
                || !(SpidOidcIdentityProviderFactory.PROVIDER_ID.equals(providerId) || CieOidcIdentityProviderFactory.PROVIDER_ID.equals(providerId))) {
            return error(Response.Status.BAD_REQUEST, "oidcfed.refresh.request",
                    "trustAnchor (an https URL) and providerId (spid-oidc or cie-oidc) are required");
        }
        OpListSource source = new OpListSource(ta, providerId, body.get("trustMarkType"));
        try {
            OpListRefresh.Result result = OpListRefresh.run(session, realm, source);
            OpListSources.remember(realm, source);
            adminEvent.operation(OperationType.UPDATE).resourcePath(session.getContext().getUri()).representation(result).success();
            return Response.ok(result).build();
        } catch (java.io.IOException | RuntimeException e) {
            return error(Response.Status.BAD_GATEWAY, "oidcfed.refresh.trust-anchor", "the trust anchor's list cannot be read: " + e.getMessage());
        }
    }

    private static Response error(Response.Status status, String error, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
