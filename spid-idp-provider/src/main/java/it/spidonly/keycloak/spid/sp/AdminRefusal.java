package it.spidonly.keycloak.spid.sp;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminRoot;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * The bundle's admin REST refusal: {@code {"error": key, "message": text}} with a 4xx/5xx status, the text from the
 * bundle's messages in the language the request accepts first (else the admin's locale), as the admin console
 * would show it.
 */
public final class AdminRefusal {
    private AdminRefusal() {
    }

    public static Response response(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                                    Response.Status status, String key, Object... params) {
        String lang = session.getContext().getRequestHeaders().getAcceptableLanguages().stream().findFirst()
                .map(l -> l.getLanguage()).filter(l -> !"*".equals(l))
                .orElse(auth.adminAuth().getToken().getLocale());
        Properties messages = AdminRoot.getMessages(session, realm, lang, "admin-messages", "messages");
        String text = new MessageFormat(messages.getProperty(key, key))
                .format(params == null ? new Object[0] : Arrays.copyOf(params, params.length));
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", key);
        body.put("message", text);
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
