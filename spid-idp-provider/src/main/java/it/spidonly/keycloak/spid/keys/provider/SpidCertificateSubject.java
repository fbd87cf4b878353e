package it.spidonly.keycloak.spid.keys.provider;

import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

import it.spidonly.keycloak.spid.keys.AgidCertificatePolicies;
import it.spidonly.keycloak.spid.sp.SpType;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

/**
 * The subject of a SPID SP certificate, taken from the realm's SP settings (Avviso SPID n. 29 v3, "Profilo dei
 * certificati"): commonName and organizationName from the organisation's Italian names, organizationIdentifier
 * {@code PA:IT-<IPA code>} (public SP) or {@code VATIT-<VAT number>} / {@code CF:IT-<fiscal code>} (private SP),
 * uri = the SP's entityID, localityName, countryName IT.
 */
record SpidCertificateSubject(SpType type, String commonName, String organization, String organizationIdentifier,
        String entityId, String locality) {

    /** Empty when the settings lack what the profile needs: the message key says what. */
    static Result of(SpidServiceProviderConfig sp, String locality) {
        SpType type = sp.spType().orElse(SpType.PUBLIC);
        String organization = sp.organizationNames().get("it");
        String commonName = Optional.ofNullable(sp.organizationDisplayNames().get("it")).orElse(organization);
        if (organization == null || sp.entityId() == null) {
            return new Result(null, "spidKeyIncompleteServiceProvider");
        }
        String id = organizationIdentifier(sp, type);
        if (id == null) {
            return new Result(null, "spidKeyNoOrganizationIdentifier");
        }
        if (locality == null || locality.isBlank()) {
            return new Result(null, "spidKeyNoLocality");
        }
        return new Result(new SpidCertificateSubject(type, commonName, organization, id, sp.entityId(), locality.trim()), null);
    }

    private static String organizationIdentifier(SpidServiceProviderConfig sp, SpType type) {
        if (type == SpType.PUBLIC) {
            return sp.ipaCode() == null ? null : "PA:IT-" + sp.ipaCode();
        }
        if (sp.vatNumber() != null) {
            String digits = sp.vatNumber().toUpperCase().startsWith("IT") ? sp.vatNumber().substring(2) : sp.vatNumber();
            return "VATIT-" + digits;
        }
        return sp.fiscalCode() == null ? null : "CF:IT-" + sp.fiscalCode();
    }

    X500Name toX500Name() {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, commonName)
                .addRDN(BCStyle.O, organization)
                .addRDN(AgidCertificatePolicies.ORGANIZATION_IDENTIFIER, organizationIdentifier)
                .addRDN(AgidCertificatePolicies.URI, entityId)
                .addRDN(BCStyle.L, locality)
                .addRDN(BCStyle.C, "IT")
                .build();
    }

    /** A subject, or the message key of what is missing. */
    record Result(SpidCertificateSubject subject, String problem) {
    }
}
