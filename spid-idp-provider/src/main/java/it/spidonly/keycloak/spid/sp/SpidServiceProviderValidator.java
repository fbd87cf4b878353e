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
 * admin can act on; an empty list means the settings are valid.
 */
public final class SpidServiceProviderValidator {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9]{6,20}$");
    private static final Pattern IPA_CODE_FORMAT = Pattern.compile("^[A-Za-z0-9_]{2,40}$");
    private static final Pattern VAT = Pattern.compile("^[A-Z]{2}[0-9A-Z]{2,13}$");

    private SpidServiceProviderValidator() {
    }

    public static List<String> problems(SpidServiceProviderConfig c) {
        List<String> p = new ArrayList<>();
        checkEntityId(c, p);
        checkOrganization(c, p);
        checkContacts(c, p);
        checkAttributeConsumingServices(c, p);
        if (!SIGNATURE_ALGORITHMS.contains(c.signatureAlgorithm())) {
            p.add("Signature algorithm must be one of " + SIGNATURE_ALGORITHMS + ".");
        }
        if (c.defaultLevel().isEmpty()) {
            p.add("Default SPID level must be 1, 2 or 3.");
        }
        if (c.comparison().isEmpty()) {
            p.add("Level comparison must be minimum, exact, better or maximum.");
        }
        return p;
    }

    private static void checkEntityId(SpidServiceProviderConfig c, List<String> p) {
        if (c.entityId() == null) {
            p.add("Entity ID is required.");
        } else if (!isHttpUrl(c.entityId(), true)) {
            p.add("Entity ID must be an https URL (it is \"" + c.entityId() + "\").");
        }
    }

    private static void checkOrganization(SpidServiceProviderConfig c, List<String> p) {
        Map<String, String> names = c.organizationNames();
        Map<String, String> displayNames = c.organizationDisplayNames();
        Map<String, String> urls = c.organizationUrls();
        if (!names.containsKey("it") || !displayNames.containsKey("it") || !urls.containsKey("it")) {
            p.add("Organisation name, display name and URL are required in Italian.");
        }
        if (!names.keySet().equals(displayNames.keySet()) || !names.keySet().equals(urls.keySet())) {
            p.add("Organisation name, display name and URL must be given in the same languages (all three in English, or none).");
        }
        urls.forEach((lang, url) -> {
            if (!isHttpUrl(url, false)) {
                p.add("Organisation URL (" + lang + ") must be an http or https URL.");
            }
        });
    }

    private static void checkContacts(SpidServiceProviderConfig c, List<String> p) {
        if (c.contactEmail() == null || !EMAIL.matcher(c.contactEmail()).matches()) {
            p.add("Contact e-mail is required and must be a valid e-mail address.");
        }
        if (c.contactPhone() != null && !PHONE.matcher(c.contactPhone()).matches()) {
            p.add("Contact phone must be digits with an optional leading +, no spaces (e.g. +390612345678).");
        }
        if (c.spType().isEmpty()) {
            p.add("Choose whether the SP is public or private.");
            return;
        }
        if (c.spType().get() == SpType.PUBLIC) {
            if (c.ipaCode() == null) {
                p.add("A public SP needs its IPA code.");
            } else if (!IPA_CODE_FORMAT.matcher(c.ipaCode()).matches()) {
                p.add("IPA code must be letters, digits or underscores (e.g. m_lps).");
            }
        } else {
            checkPrivate(c, p);
        }
    }

    private static void checkPrivate(SpidServiceProviderConfig c, List<String> p) {
        if (c.vatNumber() == null && c.fiscalCode() == null) {
            p.add("A private SP needs its VAT number or its fiscal code.");
        }
        if (c.vatNumber() != null && !VAT.matcher(c.vatNumber()).matches()) {
            p.add("VAT number must start with the country code, e.g. IT12345678901.");
        }
        BillingContact billing = c.billingContact();
        if (billing.companyName() == null || billing.street() == null || billing.postalCode() == null
                || billing.town() == null || (billing.vatNumber() == null && billing.fiscalCode() == null)) {
            p.add("A private SP needs a billing contact: company name, VAT number or fiscal code, street, postal code and town.");
        }
        if (billing.email() != null && !EMAIL.matcher(billing.email()).matches()) {
            p.add("Billing e-mail must be a valid e-mail address.");
        }
    }

    private static void checkAttributeConsumingServices(SpidServiceProviderConfig c, List<String> p) {
        List<AttributeConsumingService> services = c.attributeConsumingServices();
        if (services.isEmpty() || services.get(0).index() != 0 || services.get(0).requestedAttributes().isEmpty()) {
            p.add("Attribute set 0 must request at least one attribute.");
        } else if (!services.get(0).requestedAttributes().contains(SpidAttribute.fiscalNumber.name())) {
            p.add("Attribute set 0 must request fiscalNumber: the bundle identifies people by their fiscal number.");
        }
        for (AttributeConsumingService s : services) {
            if (s.serviceName() == null) {
                p.add("Attribute set " + s.index() + " needs a service name.");
            }
            Set<String> seen = new HashSet<>();
            for (String attribute : s.requestedAttributes()) {
                if (SpidAttribute.byName(attribute).isEmpty()) {
                    p.add("Attribute set " + s.index() + ": \"" + attribute + "\" is not a SPID attribute.");
                }
                if (!seen.add(attribute)) {
                    p.add("Attribute set " + s.index() + ": \"" + attribute + "\" is requested twice.");
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
