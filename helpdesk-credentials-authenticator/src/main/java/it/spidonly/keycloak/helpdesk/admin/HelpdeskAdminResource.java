package it.spidonly.keycloak.helpdesk.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import it.spidonly.keycloak.helpdesk.HelpdeskMessages;
import it.spidonly.keycloak.helpdesk.HelpdeskSettings;
import it.spidonly.keycloak.helpdesk.proofing.Refusal;

/**
 * The operators' JSON API at {@code /admin/realms/{realm}/helpdesk} (openapi.yaml in this module): record a
 * proofing, approve it (four eyes), search and view records, revoke, reissue the activation code. Callers are users
 * of this realm holding its realm role {@code helpdesk-operator} (bearer token of the realm); anyone else gets 403.
 * A refusal rolls the request's transaction back and answers 4xx {@code {"error", "message", "problems"}} in the
 * caller's language (Accept-Language: it, en).
 */
public class HelpdeskAdminResource {
    private static final Logger LOG = Logger.getLogger(HelpdeskAdminResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    HelpdeskAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @POST
    @Path("records")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response record(String body) {
        return answer(() -> {
            HelpdeskOperations operations = operations();
            ProofingRequest request = JsonBodies.read(body, ProofingRequest.class);
            RecordView view = operations.record(request == null ? null : request.toInput());
            return Response.status(Response.Status.CREATED).entity(view).build();
        });
    }

    @GET
    @Path("records")
    @Produces(MediaType.APPLICATION_JSON)
    public Response search(@QueryParam("state") String state, @QueryParam("email") String email,
                           @QueryParam("issuingState") String issuingState, @QueryParam("documentNumber") String documentNumber) {
        return answer(() -> Response.ok(operations().search(state, email, issuingState, documentNumber)).build());
    }

    @GET
    @Path("records/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response view(@PathParam("id") String id) {
        return answer(() -> Response.ok(operations().view(id)).build());
    }

    @POST
    @Path("records/{id}/approve")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public Response approve(@PathParam("id") String id, String body) {
        return answer(() -> {
            HelpdeskOperations operations = operations();
            return Response.ok(operations.approve(id, JsonBodies.read(body, DecisionRequest.class))).build();
        });
    }

    @POST
    @Path("records/{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(@PathParam("id") String id, String body) {
        return answer(() -> {
            HelpdeskOperations operations = operations();
            return Response.ok(operations.revoke(id, JsonBodies.read(body, DecisionRequest.class))).build();
        });
    }

    @POST
    @Path("records/{id}/reissue")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public Response reissue(@PathParam("id") String id, String body) {
        return answer(() -> {
            HelpdeskOperations operations = operations();
            return Response.ok(operations.reissue(id, JsonBodies.read(body, DecisionRequest.class))).build();
        });
    }

    private HelpdeskOperations operations() {
        return new HelpdeskOperations(session, realm, operator(), HelpdeskSettings.of(realm), new HelpdeskAudit(adminEvent));
    }

    /** The calling operator: a user of this realm with its realm role {@code helpdesk-operator} and a second factor. */
    private UserModel operator() {
        UserModel user = auth.adminAuth().getUser();
        RoleModel role = realm.getRole(HelpdeskSettings.OPERATOR_ROLE);
        if (user == null || role == null || !realm.getId().equals(auth.adminAuth().getRealm().getId()) || !user.hasRole(role)) {
            throw new HelpdeskProblem(403, "helpdesk.auth.not-operator", HelpdeskSettings.OPERATOR_ROLE);
        }
        if (!OperatorSecondFactor.present(session, realm, auth.adminAuth().getToken())) {
            throw new HelpdeskProblem(403, "helpdesk.auth.second-factor");
        }
        return user;
    }

    private Response answer(Supplier<Response> action) {
        try {
            return action.get();
        } catch (HelpdeskProblem problem) {
            session.getTransactionManager().setRollbackOnly();
            LOG.debugf("help-desk request refused in realm %s: %s", realm.getName(), problem.refusals);
            return error(problem.status, problem.refusals);
        }
    }

    private Response error(int status, List<Refusal> refusals) {
        HelpdeskMessages messages = HelpdeskMessages.firstAcceptable(session.getContext().getRequestHeaders().getAcceptableLanguages());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", refusals.get(0).key());
        body.put("message", messages.format(refusals.get(0)));
        body.put("problems", refusals.stream().map(r -> Map.of("error", r.key(), "message", messages.format(r), "params", r.params())).toList());
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
