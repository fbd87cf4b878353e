package it.spidonly.keycloak.cie.sp;

import static it.spidonly.keycloak.spid.sp.SpidServiceProviderProperties.*;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import it.spidonly.keycloak.spid.metadata.SpidEndpointUrls;
import it.spidonly.keycloak.spid.sp.Problem;
import it.spidonly.keycloak.spid.sp.SpType;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

/**
 * The realm's CIE service provider: the SPID SP's shared data (organisation, contacts, public/private, IPA code or
 * VAT/fiscal code, signing key) plus the CIE additions stored beside it in the same component (CIE SAML rules,
 * "Metadata": Municipality, Province, Country, NACE2 codes, IPACategory, the administrative contact). Nothing here is
 * copied: the SPID settings stay the one source.
 */
public final class CieServiceProvider {
    /** The attributes CIE releases, the only ones its SP metadata may ask (CIE SAML rules, "Attributi"). */
    public static final List<String> ATTRIBUTES = List.of("name", "familyName", "dateOfBirth", "fiscalNumber");
    public static final String METADATA_PATH = "cie/metadata";

    private final SpidServiceProviderConfig sp;
    private final CieEndpointUrls urls;

    public CieServiceProvider(SpidServiceProviderConfig sp, CieEndpointUrls urls) {
        this.sp = sp;
        this.urls = urls;
    }

    public static CieServiceProvider of(SpidServiceProviderConfig sp, URI baseUri, String realmName) {
        return new CieServiceProvider(sp, CieEndpointUrls.of(SpidEndpointUrls.of(baseUri, realmName)));
    }

    public SpidServiceProviderConfig shared() {
        return sp;
    }

    public CieEndpointUrls urls() {
        return urls;
    }

    /** The configured CIE entityID, else the CIE metadata URL. */
    public String entityId() {
        return Optional.ofNullable(sp.setting(CIE_ENTITY_ID)).orElse(urls.metadata());
    }

    public SpType spType() {
        return sp.spType().orElse(SpType.PUBLIC);
    }

    public String municipality() {
        return sp.setting(CIE_MUNICIPALITY);
    }

    public String province() {
        return sp.setting(CIE_PROVINCE);
    }

    public String country() {
        return Optional.ofNullable(sp.setting(CIE_COUNTRY)).orElse("IT");
    }

    public String ipaCategory() {
        return sp.setting(CIE_IPA_CATEGORY);
    }

    public List<String> nace2Codes() {
        return sp.settingValues(CIE_NACE2_CODES);
    }

    /** The administrative contact's e-mail (the one given at adhesion), else the SPID contact e-mail. */
    public String contactEmail() {
        return Optional.ofNullable(sp.setting(CIE_CONTACT_EMAIL)).orElse(sp.contactEmail());
    }

    /** The administrative contact's Company: must equal OrganizationName, so by default the Italian one. */
    public String contactCompany() {
        return Optional.ofNullable(sp.setting(CIE_CONTACT_COMPANY)).orElse(sp.organizationNames().get("it"));
    }

    /**
     * The one ServiceName, {@code urn:uuid:} and a version-4-shaped UUID derived from the entityID, so the metadata
     * stays the same for the same settings (CIE SAML rules: a class identifier or {@code urn:uuid:<v4>}).
     */
    public String serviceName() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("cie-service-name:" + entityId()).getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x40);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long most = 0;
            long least = 0;
            for (int i = 0; i < 8; i++) {
                most = (most << 8) | (hash[i] & 0xff);
                least = (least << 8) | (hash[i + 8] & 0xff);
            }
            return "urn:uuid:" + new UUID(most, least);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the CIE metadata lacks, as message keys (empty: complete). The shared data is the SPID SP's to check. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (municipality() == null) {
            problems.add(Problem.of("cieSpMunicipalityRequired"));
        }
        if (spType() == SpType.PRIVATE) {
            if (nace2Codes().isEmpty()) {
                problems.add(Problem.of("cieSpNace2Required"));
            }
            if (sp.fiscalCode() == null && sp.vatNumber() == null) {
                problems.add(Problem.of("cieSpFiscalCodeRequired"));
            }
        } else if (sp.ipaCode() == null) {
            problems.add(Problem.of("cieSpIpaCodeRequired"));
        }
        if (contactEmail() == null) {
            problems.add(Problem.of("cieSpContactEmailRequired"));
        }
        if (!entityId().startsWith("https://") && !entityId().startsWith("http://")) {
            problems.add(Problem.of("cieSpEntityIdUrl"));
        }
        return problems;
    }
}
