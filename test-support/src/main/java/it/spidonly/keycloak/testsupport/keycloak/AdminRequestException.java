package it.spidonly.keycloak.testsupport.keycloak;

/** An admin REST call that answered with a status outside 2xx. */
public final class AdminRequestException extends RuntimeException {

    private final int status;
    private final String body;

    AdminRequestException(String method, String url, int status, String body) {
        super(method + " " + url + " answered " + status + ": " + body);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
