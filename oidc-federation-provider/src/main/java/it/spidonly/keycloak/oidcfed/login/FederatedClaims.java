package it.spidonly.keycloak.oidcfed.login;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.spid.attributes.CodiceFiscale;
import it.spidonly.keycloak.spid.attributes.SpidAttribute;
import it.spidonly.keycloak.spid.attributes.SpidAttributeValues;

/**
 * The SPID/CIE OIDC claims ("Attributi utente") as the bundle's SPID attributes, so the shared identity layer (person
 * by {@code fiscalNumber}, user profile, {@code spid} claims scope) sees one person whatever the protocol:
 * {@code https://attributes.eid.gov.it/fiscal_number} ({@code TINIT-…}) becomes {@code fiscalNumber} normalised as for
 * SAML; names, birth data, e-mail, phone, address and the SPID-only attributes their SPID names. Objects
 * ({@code place_of_birth}, {@code address}) give their parts; unknown claims are ignored.
 */
public final class FederatedClaims {
    private static final Map<String, SpidAttribute> SIMPLE = new LinkedHashMap<>();

    static {
        SIMPLE.put("given_name", SpidAttribute.name);
        SIMPLE.put("family_name", SpidAttribute.familyName);
        SIMPLE.put("birthdate", SpidAttribute.dateOfBirth);
        SIMPLE.put("gender", SpidAttribute.gender);
        SIMPLE.put("email", SpidAttribute.email);
        SIMPLE.put("phone_number", SpidAttribute.mobilePhone);
        SIMPLE.put(Claims.FISCAL_NUMBER, SpidAttribute.fiscalNumber);
        SIMPLE.put(Claims.SPID_CODE, SpidAttribute.spidCode);
        SIMPLE.put(Claims.E_DELIVERY_SERVICE, SpidAttribute.digitalAddress);
        SIMPLE.put(Claims.COMPANY_NAME, SpidAttribute.companyName);
        SIMPLE.put(Claims.REGISTERED_OFFICE, SpidAttribute.registeredOffice);
        SIMPLE.put(Claims.COMPANY_FISCAL_NUMBER, SpidAttribute.companyFiscalNumber);
        SIMPLE.put(Claims.VAT_NUMBER, SpidAttribute.ivaCode);
        SIMPLE.put(Claims.EID_EXP_DATE, SpidAttribute.expirationDate);
    }

    private final Map<String, String> attributes;

    private FederatedClaims(Map<String, String> attributes) {
        this.attributes = attributes;
    }

    /** The userinfo claims (and, for CIE, those the ID token carries), userinfo winning. */
    public static FederatedClaims of(JsonNode idToken, JsonNode userinfo) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode source : new JsonNode[] {idToken, userinfo}) {
            if (source == null) {
                continue;
            }
            SIMPLE.forEach((claim, attribute) -> {
                JsonNode v = source.get(claim);
                if (v != null && v.isTextual() && !v.asText().isBlank()) {
                    out.put(attribute.name(), SpidAttributeValues.normalise(attribute.name(), v.asText()));
                }
            });
            JsonNode place = source.get("place_of_birth");
            if (place != null && place.isObject()) {
                textOf(place, "locality").ifPresent(v -> out.put(SpidAttribute.placeOfBirth.name(), v));
                textOf(place, "region").ifPresent(v -> out.put(SpidAttribute.countyOfBirth.name(), v));
            }
            JsonNode address = source.get("address");
            if (address != null && address.isObject()) {
                textOf(address, "formatted").or(() -> joined(address))
                        .ifPresent(v -> out.put(SpidAttribute.address.name(), v));
            } else if (address != null && address.isTextual()) {
                out.put(SpidAttribute.address.name(), address.asText().trim());
            }
        }
        return new FederatedClaims(out);
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    /** The fiscal number when it is a valid Italian fiscal code (person or temporary), normalised. */
    public Optional<String> fiscalNumber() {
        return Optional.ofNullable(attributes.get(SpidAttribute.fiscalNumber.name())).filter(CodiceFiscale::isValid);
    }

    public Optional<String> value(SpidAttribute attribute) {
        return Optional.ofNullable(attributes.get(attribute.name())).filter(v -> !v.isBlank());
    }

    private static Optional<String> textOf(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v != null && v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText().trim()) : Optional.empty();
    }

    private static Optional<String> joined(JsonNode address) {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {"street_address", "postal_code", "locality", "region", "country_code"}) {
            textOf(address, part).ifPresent(v -> sb.append(sb.length() == 0 ? "" : " ").append(v));
        }
        return sb.length() == 0 ? Optional.empty() : Optional.of(sb.toString());
    }
}
