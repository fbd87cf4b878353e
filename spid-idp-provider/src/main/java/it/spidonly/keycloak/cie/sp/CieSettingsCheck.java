package it.spidonly.keycloak.cie.sp;

import static it.spidonly.keycloak.spid.sp.SpidServiceProviderProperties.*;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import it.spidonly.keycloak.spid.sp.Problem;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

/**
 * The shape of the CIE fields an admin filled in on the SP page, checked when the page is saved (each is optional
 * until the realm has a CIE IdP: what is missing then is {@link CieServiceProvider#problems()}'s and the readiness
 * check's). CIE SAML rules, "Metadata": Municipality a cadastral code (e.g. H501), Province a car-plate code, Country
 * ISO 3166 alpha-2, an https entityID.
 */
public final class CieSettingsCheck {
    private static final Pattern MUNICIPALITY = Pattern.compile("[A-Z][0-9]{3}");
    private static final Pattern TWO_LETTERS = Pattern.compile("[A-Z]{2}");
    private static final Pattern NACE2 = Pattern.compile("[0-9]{2}(\\.[0-9]{1,2}){0,2}");

    private CieSettingsCheck() {
    }

    public static List<Problem> problems(SpidServiceProviderConfig sp) {
        List<Problem> problems = new ArrayList<>();
        check(problems, sp.setting(CIE_MUNICIPALITY), MUNICIPALITY, "cieSpMunicipalityShape");
        check(problems, sp.setting(CIE_PROVINCE), TWO_LETTERS, "cieSpProvinceShape");
        check(problems, sp.setting(CIE_COUNTRY), TWO_LETTERS, "cieSpCountryShape");
        sp.settingValues(CIE_NACE2_CODES).forEach(code -> check(problems, code, NACE2, "cieSpNace2Shape"));
        String entityId = sp.setting(CIE_ENTITY_ID);
        if (entityId != null && !entityId.startsWith("https://")) {
            problems.add(Problem.of("cieSpEntityIdUrl"));
        }
        String email = sp.setting(CIE_CONTACT_EMAIL);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(Problem.of("cieSpContactEmailShape"));
        }
        return problems;
    }

    private static void check(List<Problem> problems, String value, Pattern shape, String key) {
        if (value != null && !shape.matcher(value).matches()) {
            problems.add(Problem.of(key, value));
        }
    }
}
