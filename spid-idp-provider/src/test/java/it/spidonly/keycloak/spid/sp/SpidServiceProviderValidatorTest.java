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

    @Test
    void eidasAttributeSetsAreValidAndPublishedAfterTheSpidOnes() {
        MultivaluedHashMap<String, String> c = ServiceProviderConfigs.validPublic();
        c.putSingle(EIDAS_ATTRIBUTE_SETS, "true");
        assertEquals(List.of(), problems(c));
        assertEquals(List.of(0, 1, 99, 100), new SpidServiceProviderConfig(c).attributeConsumingServices().stream()
                .map(AttributeConsumingService::index).toList());
    }

    static Stream<Arguments> brokenPublicSettings() {
        return Stream.of(
                broken("public SP without IPA code", c -> c.remove(IPA_CODE), "spidSpIpaCodeRequired"),
                broken("entityID over http", c -> c.putSingle(ENTITY_ID, "http://sp.lavoro.example"), "spidSpEntityIdHttps"),
                broken("no entityID", c -> c.remove(ENTITY_ID), "spidSpEntityIdRequired"),
                broken("English name without English URL", c -> c.remove(ORGANIZATION_URL_EN), "spidSpOrganizationLanguages"),
                broken("no Italian display name", c -> c.remove(ORGANIZATION_DISPLAY_NAME_IT), "spidSpOrganizationItalian"),
                broken("bad contact e-mail", c -> c.putSingle(CONTACT_EMAIL, "not-an-address"), "spidSpContactEmail"),
                broken("phone with spaces", c -> c.putSingle(CONTACT_PHONE, "+39 06 000"), "spidSpContactPhone"),
                broken("set 0 without fiscalNumber", c -> c.put(acsAttributesKey(0), List.of("name")), "spidSpAcs0FiscalNumber"),
                broken("set 0 empty", c -> c.remove(acsAttributesKey(0)), "spidSpAcs0Empty"),
                broken("unknown attribute", c -> c.put(acsAttributesKey(1), List.of("fiscalNumber", "shoeSize")), "spidSpAcsUnknownAttribute"),
                broken("duplicate attribute", c -> c.put(acsAttributesKey(1), List.of("spidCode", "spidCode")), "spidSpAcsDuplicateAttribute"),
                broken("set without service name", c -> c.remove(acsNameKey(1)), "spidSpAcsServiceName"),
                broken("SHA-1 signatures", c -> c.putSingle(SIGNATURE_ALGORITHM, "RSA_SHA1"), "spidSpSignatureAlgorithm"),
                broken("level 4", c -> c.putSingle(DEFAULT_LEVEL, "4"), "spidSpDefaultLevel"),
                broken("unknown comparison", c -> c.putSingle(COMPARISON, "roughly"), "spidSpComparison"),
                broken("no SP type", c -> c.putSingle(SP_TYPE, "charity"), "spidSpType"),
                broken("negative clock skew", c -> c.putSingle(CLOCK_SKEW, "-1"), "spidSpClockSkew"),
                broken("clock skew over 5 minutes", c -> c.putSingle(CLOCK_SKEW, "301"), "spidSpClockSkew"),
                broken("clock skew not a number", c -> c.putSingle(CLOCK_SKEW, "1m"), "spidSpClockSkew"));
    }

    @Test
    void theClockSkewDefaultsToOneMinute() {
        MultivaluedHashMap<String, String> config = ServiceProviderConfigs.validPublic();
        config.remove(CLOCK_SKEW);
        assertEquals(java.time.Duration.ofSeconds(60), new SpidServiceProviderConfig(config).clockSkewOrDefault());
        config.putSingle(CLOCK_SKEW, "0");
        assertEquals(List.of(), problems(config));
        assertEquals(java.time.Duration.ZERO, new SpidServiceProviderConfig(config).clockSkewOrDefault());
    }

    @Test
    void everyProblemHasAnItalianAndAnEnglishMessage() {
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle(SP_TYPE, "private");
        config.putSingle(ORGANIZATION_URL_IT, "ftp://x");
        for (Problem p : problems(config)) {
            String it = SpidMessages.format(p, java.util.Locale.ITALIAN);
            String en = SpidMessages.format(p, java.util.Locale.ENGLISH);
            assertTrue(it.startsWith("SPID: ") && en.startsWith("SPID: ") && !it.equals(en), p.key() + ": " + it + " / " + en);
        }
        assertEquals("SPID: un service provider pubblico deve indicare il codice IPA.",
                SpidMessages.format(Problem.of("spidSpIpaCodeRequired"), java.util.Locale.ITALIAN));
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
        assertProblem(noIds, "spidSpPrivateIds");

        MultivaluedHashMap<String, String> noBilling = ServiceProviderConfigs.validPrivate();
        noBilling.remove(BILLING_STREET);
        assertProblem(noBilling, "spidSpBillingContact");
    }

    private static Arguments broken(String what, Consumer<MultivaluedHashMap<String, String>> change, String expected) {
        return Arguments.of(what, change, expected);
    }

    private static void assertProblem(MultivaluedHashMap<String, String> config, String expected) {
        List<String> keys = problems(config).stream().map(Problem::key).toList();
        assertTrue(keys.contains(expected), () -> "expected problem " + expected + ", got " + keys);
    }

    private static List<Problem> problems(MultivaluedHashMap<String, String> config) {
        return SpidServiceProviderValidator.problems(new SpidServiceProviderConfig(config));
    }
}
