package it.spidonly.keycloak.spid.sp;

import static it.spidonly.keycloak.spid.sp.SpidServiceProviderProperties.*;

import java.util.List;

import org.keycloak.common.util.MultivaluedHashMap;

/** A valid baseline of SP settings, public and private, for tests to change one thing at a time. */
public final class ServiceProviderConfigs {
    private ServiceProviderConfigs() {
    }

    public static MultivaluedHashMap<String, String> validPublic() {
        MultivaluedHashMap<String, String> c = new MultivaluedHashMap<>();
        c.putSingle(ENTITY_ID, "https://sp.lavoro.example/spid");
        c.putSingle(ORGANIZATION_NAME_IT, "Ministero del Lavoro e delle Politiche Sociali");
        c.putSingle(ORGANIZATION_NAME_EN, "Ministry of Labour and Social Policies");
        c.putSingle(ORGANIZATION_DISPLAY_NAME_IT, "Ministero del Lavoro");
        c.putSingle(ORGANIZATION_DISPLAY_NAME_EN, "Ministry of Labour");
        c.putSingle(ORGANIZATION_URL_IT, "https://www.lavoro.gov.it");
        c.putSingle(ORGANIZATION_URL_EN, "https://www.lavoro.gov.it/en");
        c.putSingle(SP_TYPE, "public");
        c.putSingle(IPA_CODE, "m_lps");
        c.putSingle(CONTACT_EMAIL, "spid@lavoro.example");
        c.putSingle(CONTACT_PHONE, "+390600000000");
        c.putSingle(acsNameKey(0), "Servizi online");
        c.put(acsAttributesKey(0), List.of("fiscalNumber", "name", "familyName", "email"));
        c.putSingle(acsNameKey(1), "Minimo");
        c.put(acsAttributesKey(1), List.of("fiscalNumber", "spidCode"));
        return c;
    }

    public static MultivaluedHashMap<String, String> validPrivate() {
        MultivaluedHashMap<String, String> c = validPublic();
        c.remove(IPA_CODE);
        c.putSingle(SP_TYPE, "private");
        c.putSingle(VAT_NUMBER, "IT12345678901");
        c.putSingle(FISCAL_CODE, "12345678901");
        c.putSingle(BILLING_COMPANY_NAME, "Servizi Lavoro S.p.A.");
        c.putSingle(BILLING_VAT_NUMBER, "12345678901");
        c.putSingle(BILLING_STREET, "Via Veneto 56");
        c.putSingle(BILLING_POSTAL_CODE, "00187");
        c.putSingle(BILLING_TOWN, "Roma");
        c.putSingle(BILLING_PROVINCE, "RM");
        c.putSingle(BILLING_EMAIL, "fatture@lavoro.example");
        return c;
    }
}
