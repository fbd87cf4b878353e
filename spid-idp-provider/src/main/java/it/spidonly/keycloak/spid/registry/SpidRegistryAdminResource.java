package it.spidonly.keycloak.spid.registry;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;

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
 * {@code POST /admin/realms/{realm}/spid-registry/refresh}: verifies the registry and brings it into the realm
 * (manage identity providers needed; an admin event records it). For now the source is the registry copy shipped
 * in the bundle; a configurable URL and the scheduled refresh are the rest of issue 5.
 */
public class SpidRegistryAdminResource {
    static final String BUNDLED = "/spid-registry/spid-entities-idps.2025-11-24.xml";
    static final String BUNDLED_CERT = "/spid-registry/agid-spid-registry-metadata-signing_2024-06-25_2034-06-24.pem";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    SpidRegistryAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.IDENTITY_PROVIDER);
    }

    @POST
    @Path("refresh")
    @Produces(MediaType.APPLICATION_JSON)
    public Response refresh() {
        auth.realm().requireManageIdentityProviders();
        RegistryAggregate registry;
        try {
            registry = RegistryAggregate.verify(read(BUNDLED), List.of(certificate()), Clock.systemUTC());
        } catch (RegistryRejected e) {
            return Response.status(Response.Status.BAD_GATEWAY).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", e.reason(), "message", e.getMessage())).build();
        }
        RegistryImport.Result result = RegistryImport.apply(session, realm, registry);
        adminEvent.operation(OperationType.UPDATE).resourcePath(session.getContext().getUri())
                .representation(result).success();
        return Response.ok(result).build();
    }

    private static byte[] read(String resource) {
        try (InputStream in = SpidRegistryAdminResource.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("bundled registry missing: " + resource, e);
        }
    }

    private static X509Certificate certificate() {
        try (InputStream in = SpidRegistryAdminResource.class.getResourceAsStream(BUNDLED_CERT)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (Exception e) {
            throw new IllegalStateException("bundled registry certificate missing", e);
        }
    }
}
