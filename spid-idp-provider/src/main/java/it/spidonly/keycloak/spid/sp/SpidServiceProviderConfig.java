package it.spidonly.keycloak.spid.sp;

import static it.spidonly.keycloak.spid.sp.SpidServiceProviderProperties.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.common.util.MultivaluedHashMap;

import it.spidonly.keycloak.spid.level.LevelComparison;
import it.spidonly.keycloak.spid.level.SpidLevel;

/**
 * Typed, null-safe view of the realm's SPID service provider settings, stored as one Keycloak
 * component (cluster-wide in the database, exported and imported with the realm).
 */
public final class SpidServiceProviderConfig {
    private final MultivaluedHashMap<String, String> config;

    public SpidServiceProviderConfig(MultivaluedHashMap<String, String> config) {
        this.config = config == null ? new MultivaluedHashMap<>() : config;
    }

    public String entityId() {
        return text(ENTITY_ID);
    }

    /** Organisation names by language ("it" always first), as the Organization element lists them. */
    public Map<String, String> organizationNames() {
        return localized(ORGANIZATION_NAME_IT, ORGANIZATION_NAME_EN);
    }

    public Map<String, String> organizationDisplayNames() {
        return localized(ORGANIZATION_DISPLAY_NAME_IT, ORGANIZATION_DISPLAY_NAME_EN);
    }

    public Map<String, String> organizationUrls() {
        return localized(ORGANIZATION_URL_IT, ORGANIZATION_URL_EN);
    }

    public Optional<SpType> spType() {
        return SpType.parse(text(SP_TYPE));
    }

    public String ipaCode() {
        return text(IPA_CODE);
    }

    public String vatNumber() {
        return text(VAT_NUMBER);
    }

    public String fiscalCode() {
        return text(FISCAL_CODE);
    }

    public String contactEmail() {
        return text(CONTACT_EMAIL);
    }

    public String contactPhone() {
        return text(CONTACT_PHONE);
    }

    public BillingContact billingContact() {
        return new BillingContact(text(BILLING_COMPANY_NAME), text(BILLING_VAT_NUMBER), text(BILLING_FISCAL_CODE),
                text(BILLING_STREET), text(BILLING_POSTAL_CODE), text(BILLING_TOWN), text(BILLING_PROVINCE),
                Optional.ofNullable(text(BILLING_COUNTRY)).orElse("IT"), text(BILLING_EMAIL));
    }

    /**
     * The configured attribute consuming services in index order; index 0 always first; then, when
     * {@link #eidasAttributeSets()}, the fixed eIDAS sets 99 and 100.
     */
    public List<AttributeConsumingService> attributeConsumingServices() {
        List<AttributeConsumingService> services = new ArrayList<>();
        for (int index = 0; index < ACS_SLOTS; index++) {
            List<String> attributes = values(acsAttributesKey(index));
            String name = text(acsNameKey(index));
            if (!attributes.isEmpty() || (index == 0 && name != null)) {
                services.add(new AttributeConsumingService(index, name, attributes));
            }
        }
        if (eidasAttributeSets()) {
            services.addAll(EidasAttributeSets.all());
        }
        return services;
    }

    public Optional<AttributeConsumingService> attributeConsumingService(int index) {
        return attributeConsumingServices().stream().filter(s -> s.index() == index).findFirst();
    }

    /** Whether the metadata publishes the eIDAS attribute sets 99 and 100 for FICEP (default: no). */
    public boolean eidasAttributeSets() {
        return Boolean.parseBoolean(text(EIDAS_ATTRIBUTE_SETS));
    }

    /** A key id from the realm's keys; empty means the realm's active RSA signing key. */
    public String signingKeyId() {
        return text(SIGNING_KEY_ID);
    }

    public String signatureAlgorithm() {
        return Optional.ofNullable(text(SIGNATURE_ALGORITHM)).orElse(DEFAULT_SIGNATURE_ALGORITHM);
    }

    public Optional<SpidLevel> defaultLevel() {
        String raw = text(DEFAULT_LEVEL);
        return raw == null ? Optional.of(SpidLevel.L2) : SpidLevel.parse(raw);
    }

    public Optional<LevelComparison> comparison() {
        String raw = text(COMPARISON);
        return raw == null ? Optional.of(LevelComparison.MINIMUM) : LevelComparison.parse(raw);
    }

    /**
     * The clock skew allowed on SPID responses: {@link SpidServiceProviderProperties#DEFAULT_CLOCK_SKEW_SECONDS} when
     * not set; empty when set to anything but a whole number of seconds from 0 to
     * {@link SpidServiceProviderProperties#MAX_CLOCK_SKEW_SECONDS}.
     */
    public Optional<Duration> clockSkew() {
        String raw = text(CLOCK_SKEW);
        if (raw == null) {
            return Optional.of(Duration.ofSeconds(DEFAULT_CLOCK_SKEW_SECONDS));
        }
        try {
            int seconds = Integer.parseInt(raw);
            return seconds < 0 || seconds > MAX_CLOCK_SKEW_SECONDS ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@link #clockSkew()}, or the default when the setting is invalid (validation refuses saving it). */
    public Duration clockSkewOrDefault() {
        return clockSkew().orElse(Duration.ofSeconds(DEFAULT_CLOCK_SKEW_SECONDS));
    }

    String raw(String key) {
        return text(key);
    }

    /** A setting by key, trimmed; null when absent or blank (for the settings of other profiles, e.g. CIE's). */
    public String setting(String key) {
        return text(key);
    }

    /** A multivalued setting by key (separate values, or joined by "##" or commas), trimmed, without blanks. */
    public List<String> settingValues(String key) {
        return values(key);
    }

    private Map<String, String> localized(String itKey, String enKey) {
        Map<String, String> byLang = new LinkedHashMap<>();
        if (text(itKey) != null) {
            byLang.put("it", text(itKey));
        }
        if (text(enKey) != null) {
            byLang.put("en", text(enKey));
        }
        return Collections.unmodifiableMap(byLang);
    }

    private String text(String key) {
        String v = config.getFirst(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private List<String> values(String key) {
        List<String> raw = config.get(key);
        if (raw == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String v : raw) {
            // the admin console stores multivalued lists either as separate values or joined by "##"
            for (String part : v.split("##|,")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }
}
