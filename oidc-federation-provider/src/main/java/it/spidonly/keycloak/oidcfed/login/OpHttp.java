package it.spidonly.keycloak.oidcfed.login;

import java.io.IOException;
import java.util.Map;

/** The RP's calls to an OP's endpoints (Keycloak's HTTP client in the server, the JDK's in unit tests). */
public interface OpHttp {

    record Answer(int status, String contentType, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    Answer postForm(String url, Map<String, String> form) throws IOException;

    Answer getWithBearer(String url, String accessToken) throws IOException;
}
