package it.spidonly.keycloak.oidcfed.entity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import it.spidonly.keycloak.oidcfed.trust.CachedChains;
import it.spidonly.keycloak.oidcfed.trust.ResolvedEntity;

/**
 * The realm as a federation entity on the web ({@code /realms/{realm}/oidc-federation}, the default entity id):
 * <ul>
 * <li>{@code GET .well-known/openid-federation}: the signed entity configuration (OpenID Federation
 * §federation_configuration), {@value EntityConfigurationWriter#MEDIA_TYPE};</li>
 * <li>{@code GET resolve?sub=...[&trust_anchor=...]}: the resolve endpoint every entity must serve (SPID/CIE OIDC
 * Federation, federation_endpoint; FED §resolve), {@code application/resolve-response+jwt}, from cached data only
 * (SPID/CIE seccons_bcps: no discovery per unauthenticated request): ourselves, or an OP whose chain Keycloak
 * resolved for a login and still holds.</li>
 * </ul>
 * Errors are the federation's {@code {"error", "error_description"}} JSON with a 4xx status.
 */
public class OidcFederationResource {
    public static final String RESOLVE_MEDIA_TYPE = "application/resolve-response+jwt";
    public static final String RESOLVE_TYP = "resolve-response+jwt";

    private final KeycloakSession session;
    private final RealmModel realm;

    OidcFederationResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    @GET
    @Path(".well-known/openid-federation")
    public Response entityConfiguration() {
        FederationEntity entity = FederationEntity.of(session, realm);
        if (!entity.configured()) {
            return error(Response.Status.NOT_FOUND, "not_found", "This realm is not an OpenID Federation relying party.");
        }
        FederationSigner signer = FederationSigner.of(session, realm);
        if (signer == null) {
            return error(Response.Status.NOT_FOUND, "not_found", "This realm has no active OIDC Federation key.");
        }
        Map<String, Object> claims = EntityConfigurationWriter.claims(session, realm, entity, Instant.now().getEpochSecond());
        return Response.ok(signer.sign(EntityConfigurationWriter.TYP, claims), EntityConfigurationWriter.MEDIA_TYPE)
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("resolve")
    public Response resolve(@QueryParam("sub") String sub, @QueryParam("trust_anchor") String trustAnchor) {
        FederationEntity entity = FederationEntity.of(session, realm);
        FederationSigner signer = FederationSigner.of(session, realm);
        if (!entity.configured() || signer == null) {
            return error(Response.Status.NOT_FOUND, "not_found", "This realm is not an OpenID Federation relying party.");
        }
        if (sub == null || sub.isBlank() || sub.length() > 2048) {
            return error(Response.Status.BAD_REQUEST, "invalid_request", "The parameter sub is required.");
        }
        if (trustAnchor != null && !entity.trustAnchors().contains(trustAnchor)) {
            return error(Response.Status.NOT_FOUND, "invalid_trust_anchor", "This entity does not trust " + trustAnchor + ".");
        }
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", entity.entityId());
        claims.put("sub", sub);
        claims.put("iat", now);
        if (sub.equals(entity.entityId())) {
            claims.put("exp", now + entity.entityConfigurationLifetime().toSeconds());
            claims.put("metadata", Map.of("federation_entity", EntityConfigurationWriter.federationEntity(entity),
                    "openid_relying_party", EntityConfigurationWriter.relyingParty(entity)));
            claims.put("trust_marks", EntityConfigurationWriter.trustMarks(entity.trustMarks()));
        } else {
            ResolvedEntity resolved = CachedChains.of(session, realm, sub);
            if (resolved == null || (trustAnchor != null && !trustAnchor.equals(resolved.trustAnchor()))) {
                return error(Response.Status.NOT_FOUND, "not_found", "No valid trust chain for this subject is known here.");
            }
            claims.put("exp", resolved.expiresAt());
            claims.put("metadata", Map.of("openid_provider", resolved.metadata()));
        }
        return Response.ok(signer.sign(RESOLVE_TYP, claims), RESOLVE_MEDIA_TYPE).header("Cache-Control", "no-store").build();
    }

    private static Response error(Response.Status status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", error, "error_description", description)).build();
    }

}
