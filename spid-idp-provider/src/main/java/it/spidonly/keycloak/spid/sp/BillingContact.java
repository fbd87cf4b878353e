package it.spidonly.keycloak.spid.sp;

/**
 * The billing contact a private SP publishes (Avviso SPID n. 29 v3, ContactPerson contactType="billing"
 * with the invoicing extension, "CessionarioCommittente").
 */
public record BillingContact(String companyName, String vatNumber, String fiscalCode, String street,
                             String postalCode, String town, String province, String country, String email) {
}
