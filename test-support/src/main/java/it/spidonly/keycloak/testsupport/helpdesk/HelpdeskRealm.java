package it.spidonly.keycloak.testsupport.helpdesk;

/**
 * The names a help-desk realm's tests share: the operators and other users that {@link HelpdeskAdminSetup#user}
 * makes as the admin guide's step 9 says (two operators with the realm role {@code helpdesk-operator}, a user
 * without it, an operator who never enrols an authenticator app), their password, the operators' client
 * ({@code helpdesk-console}) and page, and the app with the help-desk acr mapper. No realm template: the realm
 * itself is made by {@link HelpdeskAdminSetup}, the operators' app enrolled at their first login
 * ({@link HelpdeskOperatorLogin}).
 */
public final class HelpdeskRealm {
    public static final String OPERATOR_ONE = "operator.one";
    public static final String OPERATOR_TWO = "operator.two";
    public static final String NOT_AN_OPERATOR = "not.an.operator";
    /** Holds the operator role but has no second factor: the API refuses it. */
    public static final String OPERATOR_WITHOUT_OTP = "operator.weak";
    public static final String OPERATOR_PASSWORD = "Operator-Pass-2026";
    public static final String OPERATOR_CLIENT = "helpdesk-console";
    public static final String APP = "ministry-app";
    public static final String APP_REDIRECT_URI = "http://127.0.0.1:1/callback";

    private HelpdeskRealm() {
    }

    /** The operators' web page of {@code realm} on the server at {@code baseUrl}. */
    public static String consoleUrl(String baseUrl, String realm) {
        return baseUrl + "/realms/" + realm + "/helpdesk-console/";
    }
}
