package it.spidonly.keycloak.testsupport.idp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A citizen known to the test IdP.
 *
 * @param username   login name on the test IdP page
 * @param password   demo password (public test data)
 * @param spidLevel  the highest SPID level (1..3) this user's credentials reach; asking for more gives ErrorCode nr20
 * @param attributes SPID attributes by SPID attribute name ({@code fiscalNumber}, {@code name}, {@code dateOfBirth}, ...)
 */
public record TestUser(String username, String password, int spidLevel, Map<String, String> attributes) {

    private static final String DEMO_USERS = "/spid-test-idp/demo-users.json";
    private static final String EIDAS_DEMO_USERS = "/spid-test-idp/eidas-demo-users.json";
    private static final String CIE_DEMO_USERS = "/spid-test-idp/cie-demo-users.json";

    public TestUser {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username is required");
        }
        Objects.requireNonNull(password, "password");
        if (spidLevel < 1 || spidLevel > 3) {
            throw new IllegalArgumentException("spidLevel must be 1, 2 or 3, got " + spidLevel);
        }
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes == null ? Map.of() : attributes));
    }

    /** Reads a JSON array of {@code {username, password, spidLevel, attributes}} objects. */
    public static List<TestUser> loadJson(InputStream json) {
        try {
            return List.copyOf(new ObjectMapper().readValue(json, new TypeReference<List<TestUser>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read test users", e);
        }
    }

    /** The demo citizens of {@code spid-test-idp/demo-users.json} (fictitious people, public passwords). */
    public static List<TestUser> demoUsers() {
        return load(DEMO_USERS);
    }

    /**
     * The eIDAS citizens of {@code spid-test-idp/eidas-demo-users.json}, as FICEP releases them (fictitious people):
     * {@code spidCode} is the eIDAS PersonIdentifier ({@code ES/IT/...}; Greece {@code EL}), no fiscal number.
     */
    public static List<TestUser> eidasDemoUsers() {
        return load(EIDAS_DEMO_USERS);
    }

    /**
     * The CIE citizens of {@code spid-test-idp/cie-demo-users.json} (fictitious people), with only the four attributes
     * CIE releases; {@code spidLevel} is the highest CIE level (1 CieID password, 2 CieID app or OTP, 3 card and PIN).
     * {@code mario.rossi} and {@code giulia.bianchi} have the fiscal numbers of the SPID demo citizens of the same name.
     */
    public static List<TestUser> cieDemoUsers() {
        return load(CIE_DEMO_USERS);
    }

    private static List<TestUser> load(String resource) {
        try (InputStream in = TestUser.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            return loadJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of a SPID attribute, or {@code null}. */
    public String attribute(String name) {
        return attributes.get(name);
    }
}
