package it.spidonly.keycloak.helpdesk.admin;

/** Body of {@code revoke} (reason required) and, optionally, of {@code approve} and {@code reissue}. */
public class DecisionRequest {
    public String reason;
    public String evidenceRef;
}
