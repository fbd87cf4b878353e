package it.spidonly.keycloak.spid.sp;

import static it.spidonly.keycloak.spid.sp.SpidServiceProviderProperties.*;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import it.spidonly.keycloak.spid.attributes.SpidAttribute;

/**
 * Checks the SPID service provider settings against what the SP metadata must say
 * (SPID Regole tecniche "Metadata" and Avviso SPID n. 29 v3). Each problem is a sentence an
 * admin can act on (a message key with parameters); an empty list means the settings are valid.
 */
public final class SpidServiceProviderValidator {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9]{6,20}$");
    private static final Pattern IPA_CODE_FORMAT = Pattern.compile("^[A-Za-z0-9_]{2,40}$");
    private static final Pattern VAT = Pattern.compile("^[A-Z]{2}[0-9A-Z]{2,13}$");

    private SpidServiceProviderValidator() {
    }

    public static List<Problem> problems(SpidServiceProviderConfig c) {
        List<Problem> p = new ArrayList<>();
        checkEntityId(c, p);
        checkOrganization(c, p);
        checkContacts(c, p);
        checkAttributeConsumingServices(c, p);
        if (!SIGNATURE_ALGORITHMS.contains(c.signatureAlgorithm())) {
            p.add(Problem.of("spidSpSignatureAlgorithm", String.join(", ", SIGNATURE_ALGORITHMS)));
        }
        if (c.defaultLevel().isEmpty()) {
            p.add(Problem.of("spidSpDefaultLevel"));
        }
        if (c.comparison().isEmpty()) {
            p.add(Problem.of("spidSpComparison"));
        }
        if (c.clockSkew().isEmpty()) {
            p.add(Problem.of("spidSpClockSkew", MAX_CLOCK_SKEW_SECONDS));
        }
        return p;
    }

    private static void checkEntityId(SpidServiceProviderConfig c, List<Problem> p) {
        if (c.entityId() == null) {
            p.add(Problem.of("spidSpEntityIdRequired"));
        } else if (!isHttpUrl(c.entityId(), true)) {
            p.add(Problem.of("spidSpEntityIdHttps", c.entityId()));
        }
    }

    private static void checkOrganization(SpidServiceProviderConfig c, List<Problem> p) {
        Map<String, String> names = c.organizationNames();
        Map<String, String> displayNames = c.organizationDisplayNames();
        Map<String, String> urls = c.organizationUrls();
        if (!names.containsKey("it") || !displayNames.containsKey("it") || !urls.containsKey("it")) {
            p.add(Problem.of("spidSpOrganizationItalian"));
        }
        if (!names.keySet().equals(displayNames.keySet()) || !names.keySet().equals(urls.keySet())) {
            p.add(Problem.of("spidSpOrganizationLanguages"));
        }
        urls.forEach((lang, url) -> {
            if (!isHttpUrl(url, false)) {
                p.add(Problem.of("spidSpOrganizationUrl", lang));
            }
        });
    }

    private static void checkContacts(SpidServiceProviderConfig c, List<Problem> p) {
        if (c.contactEmail() == null || !EMAIL.matcher(c.contactEmail()).matches()) {
            p.add(Problem.of("spidSpContactEmail"));
        }
        if (c.contactPhone() != null && !PHONE.matcher(c.contactPhone()).matches()) {
            p.add(Problem.of("spidSpContactPhone"));
        }
        if (c.spType().isEmpty()) {
            p.add(Problem.of("spidSpType"));
            return;
        }
        if (c.spType().get() == SpType.PUBLIC) {
            if (c.ipaCode() == null) {
                p.add(Problem.of("spidSpIpaCodeRequired"));
            } else if (!IPA_CODE_FORMAT.matcher(c.ipaCode()).matches()) {
                p.add(Problem.of("spidSpIpaCodeFormat"));
            }
        } else {
            checkPrivate(c, p);
        }
    }

    private static void checkPrivate(SpidServiceProviderConfig c, List<Problem> p) {
        if (c.vatNumber() == null && c.fiscalCode() == null) {
            p.add(Problem.of("spidSpPrivateIds"));
        }
        if (c.vatNumber() != null && !VAT.matcher(c.vatNumber()).matches()) {
            p.add(Problem.of("spidSpVatFormat"));
        }
        BillingContact billing = c.billingContact();
        if (billing.companyName() == null || billing.street() == null || billing.postalCode() == null
                || billing.town() == null || (billing.vatNumber() == null && billing.fiscalCode() == null)) {
            p.add(Problem.of("spidSpBillingContact"));
        }
        if (billing.email() != null && !EMAIL.matcher(billing.email()).matches()) {
            p.add(Problem.of("spidSpBillingEmail"));
        }
    }

    private static void checkAttributeConsumingServices(SpidServiceProviderConfig c, List<Problem> p) {
        List<AttributeConsumingService> services = c.attributeConsumingServices();
        if (services.isEmpty() || services.get(0).index() != 0 || services.get(0).requestedAttributes().isEmpty()) {
            p.add(Problem.of("spidSpAcs0Empty"));
        } else if (!services.get(0).requestedAttributes().contains(SpidAttribute.fiscalNumber.name())) {
            p.add(Problem.of("spidSpAcs0FiscalNumber"));
        }
        for (AttributeConsumingService s : services) {
            if (s.serviceName() == null) {
                p.add(Problem.of("spidSpAcsServiceName", s.index()));
            }
            Set<String> seen = new HashSet<>();
            for (String attribute : s.requestedAttributes()) {
                if (SpidAttribute.byName(attribute).isEmpty()) {
                    p.add(Problem.of("spidSpAcsUnknownAttribute", s.index(), attribute));
                }
                if (!seen.add(attribute)) {
                    p.add(Problem.of("spidSpAcsDuplicateAttribute", s.index(), attribute));
                }
            }
        }
    }

    private static boolean isHttpUrl(String value, boolean httpsOnly) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            boolean schemeOk = httpsOnly ? "https".equals(scheme) : ("https".equals(scheme) || "http".equals(scheme));
            return schemeOk && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
