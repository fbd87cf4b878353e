package it.spidonly.keycloak.oidcfed.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The policy operators of OpenID Federation §metadata_policy_application on one baseline metadata. */
class MetadataPolicyTest {
    private static final String METADATA = "{\"response_types\":[\"code\"],\"grant_types\":[\"authorization_code\",\"implicit\"],"
            + "\"token_endpoint_auth_method\":\"private_key_jwt\",\"scope\":[\"openid\"],\"client_name\":\"RP\"}";

    private static ObjectNode apply(String... policies) throws Exception {
        ObjectNode metadata = (ObjectNode) SignedStatement.JSON.readTree(METADATA);
        List<JsonNode> list = new java.util.ArrayList<>();
        for (String p : policies) {
            list.add(SignedStatement.JSON.readTree(p));
        }
        return MetadataPolicy.apply(metadata, list);
    }

    @ParameterizedTest(name = "{0} -> {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"client_name\":{\"value\":\"Forced\"}}                                   | client_name                | \"Forced\"",
            "{\"scope\":{\"add\":[\"profile\"]}}                                        | scope                      | [\"openid\",\"profile\"]",
            "{\"contacts\":{\"default\":[\"a@b.it\"]}}                                  | contacts                   | [\"a@b.it\"]",
            "{\"client_name\":{\"default\":\"Other\"}}                                  | client_name                | \"RP\"",
            "{\"grant_types\":{\"subset_of\":[\"authorization_code\",\"refresh_token\"]}} | grant_types              | [\"authorization_code\"]",
            "{\"token_endpoint_auth_method\":{\"one_of\":[\"private_key_jwt\"]}}        | token_endpoint_auth_method | \"private_key_jwt\"",
            "{\"response_types\":{\"superset_of\":[\"code\"],\"essential\":true}}       | response_types             | [\"code\"]",
    })
    void operatorsGiveTheirResult(String policy, String member, String expected) throws Exception {
        assertEquals(SignedStatement.JSON.readTree(expected), apply(policy).get(member));
    }

    @Test
    void valueNullRemovesTheMember() throws Exception {
        assertFalse(apply("{\"client_name\":{\"value\":null}}").has("client_name"));
    }

    @Test
    void policiesApplyTopDown() throws Exception {
        ObjectNode result = apply("{\"scope\":{\"add\":[\"a\"]}}", "{\"scope\":{\"subset_of\":[\"a\"]}}");
        assertEquals(SignedStatement.JSON.readTree("[\"a\"]"), result.get("scope"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"token_endpoint_auth_method\":{\"one_of\":[\"client_secret_basic\"]}} | oidcfed.chain.metadata-policy",
            "{\"grant_types\":{\"one_of\":[\"authorization_code\"]}}                 | oidcfed.chain.metadata-policy",
            "{\"response_types\":{\"superset_of\":[\"code\",\"id_token\"]}}          | oidcfed.chain.metadata-policy",
            "{\"client_name\":{\"add\":[\"x\"]}}                                     | oidcfed.chain.metadata-policy",
            "{\"scope\":{\"subset_of\":\"openid\"}}                                  | oidcfed.chain.metadata-policy",
            "{\"jwks\":{\"essential\":true}}                                         | oidcfed.chain.metadata-essential",
            "{\"grant_types\":{\"subset_of\":[\"refresh_token\"],\"essential\":true}} | oidcfed.chain.metadata-essential",
            "{\"scope\":\"not operators\"}                                           | oidcfed.chain.metadata-policy",
    })
    void illegalResultsAreRefused(String policy, String check) {
        assertEquals(check, assertThrows(TrustChainException.class, () -> apply(policy)).check());
    }
}
