package it.spidonly.keycloak.oidcfed.trust;

import java.text.MessageFormat;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import it.spidonly.keycloak.spid.sp.JarMessages;

/**
 * {@code GET /admin/realms/{realm}/oidc-federation/resolve?sub=<OP entity id>[&fresh=true]}: lets an admin check an
 * OP's trust chain the way a login would. 200 with the chain summary (trust anchor, expiry, verified trust marks, the
 * resolved metadata), or 400 {@code {"error": <the failed check's rule id>, "message": <in the admin's language>,
 * "detail": ...}}. {@code fresh=true} ignores the cached chain (and caches the new one).
 */
public class TrustChainAdminResource {
    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    TrustChainAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Path("resolve")
    @Produces(MediaType.APPLICATION_JSON)
    public Response resolve(@QueryParam("sub") String sub, @QueryParam("fresh") boolean fresh) {
        auth.realm().requireViewRealm();
        if (sub == null || sub.isBlank() || sub.length() > 2048) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("error", "invalid_request", "message", "sub: the OP's entity id (https URL) is required")).build();
        }
        try {
            // the same provider a login gets (session.getProvider), or a fresh resolution that bypasses its cache
            ResolvedEntity entity = fresh ? new FederationTrustChainResolver(session, Clock.systemUTC()).resolveFresh(realm, sub)
                    : session.getProvider(TrustChainResolver.class).resolveOpenIdProvider(realm, sub);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("entity_id", entity.entityId());
            body.put("trust_anchor", entity.trustAnchor());
            body.put("expires_at", entity.expiresAt());
            body.put("trust_marks", entity.trustMarkIds());
            body.put("metadata", entity.metadata());
            return Response.ok(body).build();
        } catch (TrustChainException e) {
            return refusal(e);
        }
    }

    /** {@code /ops}: the OP list refresh of the login side (fed-login, {@code oidcfed.op}). */
    @Path("ops")
    public Object ops() {
        return new it.spidonly.keycloak.oidcfed.op.OpsAdminResource(session, realm, auth,
                new org.keycloak.services.resources.admin.AdminEventBuilder(realm, auth.adminAuth(), session, session.getContext().getConnection()));
    }

    private Response refusal(TrustChainException e) {
        Locale locale = session.getContext().getRequestHeaders().getAcceptableLanguages().stream().findFirst().orElse(Locale.ENGLISH);
        Properties messages = JarMessages.of(TrustChainAdminResource.class, locale.getLanguage());
        String message = new MessageFormat(messages.getProperty(e.check(), e.check()), locale).format(new Object[0]);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.check());
        body.put("message", message);
        body.put("detail", e.getMessage());
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
