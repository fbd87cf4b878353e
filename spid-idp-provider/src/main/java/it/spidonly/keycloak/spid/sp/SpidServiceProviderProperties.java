package it.spidonly.keycloak.spid.sp;

import static org.keycloak.provider.ProviderConfigProperty.BOOLEAN_TYPE;
import static org.keycloak.provider.ProviderConfigProperty.LIST_TYPE;
import static org.keycloak.provider.ProviderConfigProperty.MULTIVALUED_LIST_TYPE;
import static org.keycloak.provider.ProviderConfigProperty.STRING_TYPE;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import it.spidonly.keycloak.spid.attributes.SpidAttribute;

/**
 * The keys of the SPID service provider settings and the form the admin console renders for them.
 * Keys have no dots: the admin console treats dots in field names as nested paths.
 */
public final class SpidServiceProviderProperties {
    public static final String ENTITY_ID = "entityId";
    public static final String ORGANIZATION_NAME_IT = "organizationNameIt";
    public static final String ORGANIZATION_NAME_EN = "organizationNameEn";
    public static final String ORGANIZATION_DISPLAY_NAME_IT = "organizationDisplayNameIt";
    public static final String ORGANIZATION_DISPLAY_NAME_EN = "organizationDisplayNameEn";
    public static final String ORGANIZATION_URL_IT = "organizationUrlIt";
    public static final String ORGANIZATION_URL_EN = "organizationUrlEn";
    public static final String SP_TYPE = "spType";
    public static final String IPA_CODE = "ipaCode";
    public static final String VAT_NUMBER = "vatNumber";
    public static final String FISCAL_CODE = "fiscalCode";
    public static final String CONTACT_EMAIL = "contactEmail";
    public static final String CONTACT_PHONE = "contactPhone";
    public static final String BILLING_COMPANY_NAME = "billingCompanyName";
    public static final String BILLING_VAT_NUMBER = "billingVatNumber";
    public static final String BILLING_FISCAL_CODE = "billingFiscalCode";
    public static final String BILLING_STREET = "billingStreet";
    public static final String BILLING_POSTAL_CODE = "billingPostalCode";
    public static final String BILLING_TOWN = "billingTown";
    public static final String BILLING_PROVINCE = "billingProvince";
    public static final String BILLING_COUNTRY = "billingCountry";
    public static final String BILLING_EMAIL = "billingEmail";
    public static final String SIGNING_KEY_ID = "signingKeyId";
    public static final String SIGNATURE_ALGORITHM = "signatureAlgorithm";
    public static final String DEFAULT_LEVEL = "defaultLevel";
    /** Server-written, read-only in the console: the URL of the SP metadata ({@code /realms/{realm}/spid/metadata}). */
    public static final String METADATA_URL = "metadataUrl";
    public static final String COMPARISON = "comparison";
    public static final String CLOCK_SKEW = "clockSkewSeconds";
    /** "true": the metadata also publishes the eIDAS attribute sets 99 and 100 (FICEP, {@link EidasAttributeSets}). */
    public static final String EIDAS_ATTRIBUTE_SETS = "eidasAttributeSets";

    /** CIE additions beside the shared SP data (it.spidonly.keycloak.cie.sp.CieServiceProvider), all optional for SPID. */
    public static final String CIE_ENTITY_ID = "cieEntityId";
    public static final String CIE_MUNICIPALITY = "cieMunicipality";
    public static final String CIE_PROVINCE = "cieProvince";
    public static final String CIE_COUNTRY = "cieCountry";
    public static final String CIE_IPA_CATEGORY = "cieIpaCategory";
    public static final String CIE_NACE2_CODES = "cieNace2Codes";
    public static final String CIE_CONTACT_EMAIL = "cieContactEmail";
    public static final String CIE_CONTACT_COMPANY = "cieContactCompany";
    /** Server-written, read-only: the URL of the CIE SP metadata ({@code /realms/{realm}/spid/cie/metadata}). */
    public static final String CIE_METADATA_URL = "cieMetadataUrl";

    /** Attribute consuming services 0..ACS_SLOTS-1 can be edited in the console; 99 and 100 belong to eIDAS. */
    public static final int ACS_SLOTS = 3;
    public static final String DEFAULT_SIGNATURE_ALGORITHM = "RSA_SHA256";
    public static final List<String> SIGNATURE_ALGORITHMS = List.of("RSA_SHA256", "RSA_SHA512");
    /** One allowance for the clocks of IdPs and Keycloak, applied wherever a SPID response's times are compared. */
    public static final int DEFAULT_CLOCK_SKEW_SECONDS = 60;
    public static final int MAX_CLOCK_SKEW_SECONDS = 300;

    private SpidServiceProviderProperties() {
    }

    public static String acsNameKey(int index) {
        return "acs" + index + "ServiceName";
    }

    public static String acsAttributesKey(int index) {
        return "acs" + index + "Attributes";
    }

    public static List<ProviderConfigProperty> build() {
        ProviderConfigurationBuilder b = ProviderConfigurationBuilder.create();
        text(b, ENTITY_ID, "Entity ID", "The SP entityID AgID accredits: an https URL that never changes.", true);
        text(b, ORGANIZATION_NAME_IT, "Organisation name (it)", "OrganizationName in Italian, e.g. Ministero del Lavoro e delle Politiche Sociali.", true);
        text(b, ORGANIZATION_NAME_EN, "Organisation name (en)", "OrganizationName in English.", false);
        text(b, ORGANIZATION_DISPLAY_NAME_IT, "Display name (it)", "OrganizationDisplayName in Italian.", true);
        text(b, ORGANIZATION_DISPLAY_NAME_EN, "Display name (en)", "OrganizationDisplayName in English.", false);
        text(b, ORGANIZATION_URL_IT, "Organisation URL (it)", "OrganizationURL of the Italian site.", true);
        text(b, ORGANIZATION_URL_EN, "Organisation URL (en)", "OrganizationURL of the English site.", false);
        b.property().name(SP_TYPE).label("Public or private SP").type(LIST_TYPE).options("public", "private")
                .defaultValue("public").helpText("A public administration publishes its IPA code; a private body its VAT number or fiscal code and a billing contact.").add();
        text(b, IPA_CODE, "IPA code", "Public SPs: the code of the body in the IPA index (e.g. m_lps).", false);
        text(b, VAT_NUMBER, "VAT number", "Private SPs: VAT number with country prefix, e.g. IT12345678901.", false);
        text(b, FISCAL_CODE, "Fiscal code", "Private SPs: fiscal code of the body.", false);
        text(b, CONTACT_EMAIL, "Contact e-mail", "ContactPerson (other) e-mail address.", true);
        text(b, CONTACT_PHONE, "Contact phone", "ContactPerson (other) phone, international form, e.g. +390612345678.", false);
        for (int i = 0; i < ACS_SLOTS; i++) {
            text(b, acsNameKey(i), "Attribute set " + i + ": service name (it)",
                    i == 0 ? "ServiceName of AttributeConsumingService 0 (the default set)." : "Leave empty with no attributes to not publish this set.", i == 0);
            b.property().name(acsAttributesKey(i)).label("Attribute set " + i + ": requested attributes").type(MULTIVALUED_LIST_TYPE)
                    .options(SpidAttribute.names()).helpText("SPID attributes requested by AttributeConsumingService " + i + ".").add();
        }
        b.property().name(EIDAS_ATTRIBUTE_SETS).label("eIDAS attribute sets 99 and 100 (FICEP)").type(BOOLEAN_TYPE)
                .defaultValue("false").helpText("Publish AgID's eIDAS Natural Person Minimum (99) and Full (100) attribute sets, "
                        + "which FICEP (eIDAS logins of EU/EEA citizens) needs. Send the new metadata to AgID when you switch it on.").add();
        text(b, SIGNING_KEY_ID, "Signing key id", "Kid of a realm RSA key (e.g. an imported SPID-profile certificate). Empty: the realm's active RSA key.", false);
        b.property().name(SIGNATURE_ALGORITHM).label("Signature algorithm").type(LIST_TYPE).options(SIGNATURE_ALGORITHMS)
                .defaultValue(DEFAULT_SIGNATURE_ALGORITHM).helpText("For the metadata and the AuthnRequests. SHA-1 is never allowed.").add();
        b.property().name(DEFAULT_LEVEL).label("Default SPID level").type(LIST_TYPE).options("1", "2", "3").defaultValue("2")
                .helpText("Level asked when neither the IdP nor the application asks for another.").add();
        b.property().name(COMPARISON).label("Level comparison").type(LIST_TYPE).options("minimum", "exact", "better", "maximum")
                .defaultValue("minimum").helpText("minimum L2 accepts L2 and L3; exact L2 only L2.").add();
        b.property().name(CLOCK_SKEW).label("Clock skew (seconds)").type(STRING_TYPE)
                .defaultValue(String.valueOf(DEFAULT_CLOCK_SKEW_SECONDS))
                .helpText("Allowance for the difference between the IdPs' clocks and Keycloak's, applied to every time of a SPID response "
                        + "(IssueInstant, NotBefore, NotOnOrAfter) and to how long replayed assertions are remembered. 0 to "
                        + MAX_CLOCK_SKEW_SECONDS + "; default " + DEFAULT_CLOCK_SKEW_SECONDS + ".").add();
        text(b, BILLING_COMPANY_NAME, "Billing: company name", "Private SPs: CessionarioCommittente name.", false);
        text(b, BILLING_VAT_NUMBER, "Billing: VAT number", "Private SPs: VAT number for invoices (digits, IT implied).", false);
        text(b, BILLING_FISCAL_CODE, "Billing: fiscal code", "Private SPs: fiscal code for invoices.", false);
        text(b, BILLING_STREET, "Billing: street and number", "Private SPs: invoicing address.", false);
        text(b, BILLING_POSTAL_CODE, "Billing: postal code", "Private SPs: CAP.", false);
        text(b, BILLING_TOWN, "Billing: town", "Private SPs: Comune.", false);
        text(b, BILLING_PROVINCE, "Billing: province", "Private SPs: two-letter province code.", false);
        text(b, BILLING_COUNTRY, "Billing: country", "Private SPs: two-letter country code (default IT).", false);
        text(b, BILLING_EMAIL, "Billing: e-mail", "Private SPs: billing contact e-mail.", false);
        cieSection(b);
        List<ProviderConfigProperty> properties = new ArrayList<>(b.build());
        properties.add(0, metadataUrlField());
        properties.add(readOnly(CIE_METADATA_URL, "CIE: SP metadata URL (send it to the Ministry)",
                "Where Keycloak serves the CIE SP metadata. Filled in by the server when the settings are saved."));
        return properties;
    }

    /** Read-only: where this SP's metadata is served, for AgID; written by the server on every save. */
    private static ProviderConfigProperty metadataUrlField() {
        ProviderConfigProperty field = new ProviderConfigProperty(METADATA_URL, "SP metadata URL (send it to AgID)",
                "Where Keycloak serves this SP's signed metadata. Filled in by the server when the settings are saved.",
                STRING_TYPE, null);
        field.setReadOnly(true);
        return field;
    }

    /** Optional CIE section: what the CIE SP metadata adds to the shared data (CIE SAML rules, "Metadata"). */
    private static void cieSection(ProviderConfigurationBuilder b) {
        text(b, CIE_ENTITY_ID, "CIE: entity ID", "Only for CIE logins. Empty: the CIE SP metadata URL.", false);
        text(b, CIE_MUNICIPALITY, "CIE: municipality code", "Only for CIE logins, required then: the cadastral (Belfiore) code of the "
                + "body's seat, e.g. H501 for Rome.", false);
        text(b, CIE_PROVINCE, "CIE: province", "Only for CIE logins: the two-letter (car plate) code, e.g. RM.", false);
        text(b, CIE_COUNTRY, "CIE: country", "Only for CIE logins: two-letter country code (default IT).", false);
        text(b, CIE_IPA_CATEGORY, "CIE: IPA category", "Only for CIE logins, public SPs: the body's IPA category (optional).", false);
        text(b, CIE_NACE2_CODES, "CIE: NACE2 (ATECO) codes", "Only for CIE logins, private SPs, required then: ATECO codes, "
                + "separated by commas.", false);
        text(b, CIE_CONTACT_EMAIL, "CIE: administrative contact e-mail", "Only for CIE logins: the e-mail given at adhesion. "
                + "Empty: the contact e-mail above.", false);
        text(b, CIE_CONTACT_COMPANY, "CIE: administrative contact company", "Only for CIE logins: must equal the organisation "
                + "name. Empty: the organisation name (it).", false);
    }

    private static ProviderConfigProperty readOnly(String name, String label, String help) {
        ProviderConfigProperty field = new ProviderConfigProperty(name, label, help, STRING_TYPE, null);
        field.setReadOnly(true);
        return field;
    }

    private static void text(ProviderConfigurationBuilder b, String name, String label, String help, boolean required) {
        b.property().name(name).label(label).type(STRING_TYPE).helpText(help).required(required).add();
    }
}
