package it.spidonly.keycloak.bench.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import it.spidonly.keycloak.spid.attributes.CodiceFiscale;

/**
 * A synthetic citizen of one benchmark run: a fiscal-code-shaped number unique to the run, the target and the
 * index, and the SPID attributes of the realm's attribute set 0 (fiscalNumber, name, familyName, email,
 * dateOfBirth, spidCode), as the test IdP would release them.
 */
public record Citizen(String fiscalCode) {

    /** {@code runTag}: four letters A-Z, {@code targetLetter}: one per target, so the two never share a person. */
    public static Citizen of(String runTag, char targetLetter, int index) {
        if (!runTag.matches("[A-Z]{4}") || index < 0 || index >= 10_000_000) {
            throw new IllegalArgumentException("runTag must be 4 letters A-Z and index below 10^7");
        }
        String code = String.format(Locale.ROOT, "B%s%c%02dA%02dH%03d", runTag, targetLetter,
                index / 100_000 % 100, index / 1_000 % 100, index % 1_000);
        // a valid check character: the SPID rules refuse any other (spid.attribute fiscalNumber)
        return new Citizen(code + CodiceFiscale.checkCharacter(code));
    }

    /** Keycloak's username for this citizen (the bundle's first login: the fiscal code in lower case). */
    public String username() {
        return fiscalCode.toLowerCase(Locale.ROOT);
    }

    public Map<String, String> spidAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("fiscalNumber", "TINIT-" + fiscalCode);
        attributes.put("name", "Bench");
        attributes.put("familyName", "Citizen " + fiscalCode.substring(6));
        attributes.put("email", username() + "@bench.example");
        attributes.put("dateOfBirth", "1980-01-01");
        attributes.put("spidCode", "BNCH" + fiscalCode.substring(5));
        return attributes;
    }

    /**
     * The eIDAS minimum attribute set (99) as FICEP releases it: the eIDAS PersonIdentifier in {@code spidCode}
     * (a Spanish citizen logging in to an Italian SP), names and date of birth; no fiscal number.
     */
    public Map<String, String> ficepAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("spidCode", personIdentifier());
        attributes.put("name", "Bench");
        attributes.put("familyName", "Citizen " + fiscalCode.substring(6));
        attributes.put("dateOfBirth", "1980-01-01");
        return attributes;
    }

    /** CIE's four attributes, in CIE's order (CIE SAML rules): names, date of birth and the fiscal number. */
    public Map<String, String> cieAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("name", "Bench");
        attributes.put("familyName", "Citizen " + fiscalCode.substring(6));
        attributes.put("dateOfBirth", "1980-01-01");
        attributes.put("fiscalNumber", "TINIT-" + fiscalCode);
        return attributes;
    }

    /** The eIDAS PersonIdentifier a FICEP login of this citizen carries. */
    public String personIdentifier() {
        return "ES/IT/" + fiscalCode;
    }
}
