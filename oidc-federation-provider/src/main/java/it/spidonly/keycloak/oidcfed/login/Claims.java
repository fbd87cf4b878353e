package it.spidonly.keycloak.oidcfed.login;

/** Claim names of the SPID/CIE attribute registry ({@code https://attributes.eid.gov.it/...}). */
public final class Claims {
    public static final String PREFIX = "https://attributes.eid.gov.it/";
    public static final String FISCAL_NUMBER = PREFIX + "fiscal_number";
    public static final String SPID_CODE = PREFIX + "spid_code";
    public static final String E_DELIVERY_SERVICE = PREFIX + "e_delivery_service";
    public static final String COMPANY_NAME = PREFIX + "company_name";
    public static final String REGISTERED_OFFICE = PREFIX + "registered_office";
    public static final String COMPANY_FISCAL_NUMBER = PREFIX + "company_fiscal_number";
    public static final String VAT_NUMBER = PREFIX + "vat_number";
    public static final String EID_EXP_DATE = PREFIX + "eid_exp_date";

    private Claims() {
    }
}
