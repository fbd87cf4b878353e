package it.spidonly.keycloak.spid.sp;

import static it.spidonly.keycloak.spid.sp.SpidServiceProviderProperties.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.common.util.MultivaluedHashMap;

class SpidServiceProviderValidatorTest {

    @Test
    void baselinePublicAndPrivateSettingsAreValid() {
        assertEquals(List.of(), problems(ServiceProviderConfigs.validPublic()));
        assertEquals(List.of(), problems(ServiceProviderConfigs.validPrivate()));
    }

    static Stream<Arguments> brokenPublicSettings() {
        return Stream.of(
                broken("public SP without IPA code", c -> c.remove(IPA_CODE), "IPA code"),
                broken("entityID over http", c -> c.putSingle(ENTITY_ID, "http://sp.lavoro.example"), "https URL"),
                broken("no entityID", c -> c.remove(ENTITY_ID), "Entity ID is required"),
                broken("English name without English URL", c -> c.remove(ORGANIZATION_URL_EN), "same languages"),
                broken("no Italian display name", c -> c.remove(ORGANIZATION_DISPLAY_NAME_IT), "required in Italian"),
                broken("bad contact e-mail", c -> c.putSingle(CONTACT_EMAIL, "not-an-address"), "Contact e-mail"),
                broken("phone with spaces", c -> c.putSingle(CONTACT_PHONE, "+39 06 000"), "Contact phone"),
                broken("set 0 without fiscalNumber", c -> c.put(acsAttributesKey(0), List.of("name")), "fiscalNumber"),
                broken("set 0 empty", c -> c.remove(acsAttributesKey(0)), "at least one attribute"),
                broken("unknown attribute", c -> c.put(acsAttributesKey(1), List.of("fiscalNumber", "shoeSize")), "not a SPID attribute"),
                broken("duplicate attribute", c -> c.put(acsAttributesKey(1), List.of("spidCode", "spidCode")), "requested twice"),
                broken("set without service name", c -> c.remove(acsNameKey(1)), "needs a service name"),
                broken("SHA-1 signatures", c -> c.putSingle(SIGNATURE_ALGORITHM, "RSA_SHA1"), "Signature algorithm"),
                broken("level 4", c -> c.putSingle(DEFAULT_LEVEL, "4"), "Default SPID level"),
                broken("unknown comparison", c -> c.putSingle(COMPARISON, "roughly"), "Level comparison"),
                broken("no SP type", c -> c.putSingle(SP_TYPE, "charity"), "public or private"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPublicSettings")
    void brokenSettingsAreRefusedWithAMessageNamingTheProblem(String what, Consumer<MultivaluedHashMap<String, String>> change, String expected) {
        MultivaluedHashMap<String, String> config = ServiceProviderConfigs.validPublic();
        change.accept(config);
        assertProblem(config, expected);
    }

    @Test
    void privateSpNeedsVatOrFiscalCodeAndABillingContact() {
        MultivaluedHashMap<String, String> noIds = ServiceProviderConfigs.validPrivate();
        noIds.remove(VAT_NUMBER);
        noIds.remove(FISCAL_CODE);
        assertProblem(noIds, "VAT number or its fiscal code");

        MultivaluedHashMap<String, String> noBilling = ServiceProviderConfigs.validPrivate();
        noBilling.remove(BILLING_STREET);
        assertProblem(noBilling, "billing contact");
    }

    private static Arguments broken(String what, Consumer<MultivaluedHashMap<String, String>> change, String expected) {
        return Arguments.of(what, change, expected);
    }

    private static void assertProblem(MultivaluedHashMap<String, String> config, String expected) {
        List<String> problems = problems(config);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), () -> "expected a problem about '" + expected + "', got " + problems);
    }

    private static List<String> problems(MultivaluedHashMap<String, String> config) {
        return SpidServiceProviderValidator.problems(new SpidServiceProviderConfig(config));
    }
}
