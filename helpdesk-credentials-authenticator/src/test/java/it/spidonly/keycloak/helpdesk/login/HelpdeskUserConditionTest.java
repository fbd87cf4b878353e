package it.spidonly.keycloak.helpdesk.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;

/**
 * The OTP sub-flow's condition: help-desk users are told apart by server-side state (the proofing record's
 * {@code helpdesk.state}, or a help-desk credential), never by the username.
 */
class HelpdeskUserConditionTest {
    @ParameterizedTest(name = "{0}, state={1}, credentials={2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "hd-abcd2345,      ISSUED,  '',                                  HELPDESK",
            "hd-abcd2345,      REVOKED, '',                                  HELPDESK",
            "hd-abcd2345,      PENDING, '',                                  HELPDESK",
            "mario.rossi,      ISSUED,  password,                            HELPDESK",
            "hd-abcd2345,      null,    password,                            ORDINARY",
            "RSSMRA80A01H501U, null,    password,                            ORDINARY",
            "lucia.ferrari,    null,    password otp,                        ORDINARY",
            "lucia.ferrari,    null,    helpdesk-password,                   HELPDESK",
            "lucia.ferrari,    null,    password helpdesk-activation,        HELPDESK",
            "nobody,           null,    '',                                  ORDINARY",
    })
    void theKindComesFromTheServerNotFromTheUsername(String username, String state, String credentials, AccountKind expected) {
        assertEquals(expected, AccountKind.of(user(username, state, credentials)));
    }

    @ParameterizedTest(name = "{0}, negate={1} -> {2}")
    @CsvSource({
            "HELPDESK, false, true",
            "ORDINARY, false, false",
            "HELPDESK, true,  false",
            "ORDINARY, true,  true",
    })
    void matches(AccountKind kind, boolean negate, boolean expected) {
        assertEquals(expected, HelpdeskUserCondition.matches(kind, negate));
    }

    @ParameterizedTest(name = "config {0} -> negate {1}")
    @CsvSource(nullValues = "null", value = {"null, false", "'', false", "false, false", "true, true", "TRUE, true", "yes, false"})
    void negateIsReadFromTheExecutionsConfig(String value, boolean expected) {
        AuthenticatorConfigModel config = new AuthenticatorConfigModel();
        config.setConfig(value == null ? Map.of() : Map.of(HelpdeskUserConditionFactory.NEGATE, value));
        assertEquals(expected, HelpdeskUserCondition.negated(config));
    }

    @org.junit.jupiter.api.Test
    void noConfigMeansHelpdeskUsers() {
        assertEquals(false, HelpdeskUserCondition.negated(null));
    }

    /** A user of the store as the condition reads it: username, attribute helpdesk.state, stored credential types. */
    private static UserModel user(String username, String state, String credentialTypes) {
        java.util.List<String> types = java.util.Arrays.stream(credentialTypes.split(" ")).filter(t -> !t.isBlank()).toList();
        SubjectCredentialManager credentials = (SubjectCredentialManager) Proxy.newProxyInstance(HelpdeskUserConditionTest.class.getClassLoader(),
                new Class<?>[] {SubjectCredentialManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getStoredCredentialsByTypeStream")) {
                        return types.contains((String) args[0]) ? Stream.of(new CredentialModel()) : Stream.empty();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (UserModel) Proxy.newProxyInstance(HelpdeskUserConditionTest.class.getClassLoader(), new Class<?>[] {UserModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getUsername" -> username;
                    case "getFirstAttribute" -> "helpdesk.state".equals(args[0]) ? state : null;
                    case "credentialManager" -> credentials;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
