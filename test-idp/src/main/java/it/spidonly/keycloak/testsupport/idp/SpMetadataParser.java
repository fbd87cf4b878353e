package it.spidonly.keycloak.testsupport.idp;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads {@link SpMetadata} from an SP metadata document (an EntityDescriptor, or the first EntityDescriptor with an
 * SPSSODescriptor inside an EntitiesDescriptor). The metadata signature is not checked: the test IdP fetches the SP
 * metadata from a URL its test configured.
 */
final class SpMetadataParser {

    private static final String MD = SamlDom.METADATA_NS;

    private SpMetadataParser() {
    }

    static SpMetadata parse(Document metadata) {
        Element descriptor = SamlDom.find(metadata, MD, "SPSSODescriptor")
                .orElseThrow(() -> new IllegalArgumentException("The SP metadata has no SPSSODescriptor"));
        Element entity = (Element) descriptor.getParentNode();
        List<Element> acsElements = SamlDom.children(descriptor, MD, "AssertionConsumerService").stream()
                .filter(service -> SamlUris.BINDING_POST.equals(service.getAttribute("Binding"))).toList();
        Map<Integer, String> acs = new LinkedHashMap<>();
        acsElements.forEach(service -> acs.put(index(service), service.getAttribute("Location").trim()));
        List<Element> attributeElements = SamlDom.children(descriptor, MD, "AttributeConsumingService");
        Map<Integer, List<String>> attributeServices = new LinkedHashMap<>();
        attributeElements.forEach(service -> attributeServices.put(index(service), requestedNames(service)));
        return new SpMetadata(entity.getAttribute("entityID"), signingCertificates(descriptor),
                Collections.unmodifiableMap(acs), defaultIndex(acsElements),
                Collections.unmodifiableMap(attributeServices), defaultIndex(attributeElements), singleLogout(descriptor));
    }

    private static String singleLogout(Element descriptor) {
        List<Element> services = SamlDom.children(descriptor, MD, "SingleLogoutService");
        return services.stream().filter(s -> SamlUris.BINDING_POST.equals(s.getAttribute("Binding"))).findFirst()
                .or(() -> services.stream().findFirst())
                .map(s -> s.getAttribute("Location").trim()).orElse(null);
    }

    private static Integer index(Element indexed) {
        return Integer.valueOf(indexed.getAttribute("index").trim());
    }

    private static List<String> requestedNames(Element attributeConsumingService) {
        return SamlDom.children(attributeConsumingService, MD, "RequestedAttribute").stream()
                .map(attribute -> attribute.getAttribute("Name").trim()).toList();
    }

    /** {@code isDefault="true"} wins, otherwise the lowest index (SPID: the default ACS is {@code index="0"}). */
    private static Integer defaultIndex(List<Element> indexed) {
        return indexed.stream().filter(e -> "true".equals(e.getAttribute("isDefault"))).map(SpMetadataParser::index)
                .findFirst()
                .orElse(indexed.stream().map(SpMetadataParser::index).min(Integer::compare).orElse(null));
    }

    private static List<X509Certificate> signingCertificates(Element descriptor) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Element key : SamlDom.children(descriptor, MD, "KeyDescriptor")) {
            String use = key.getAttribute("use");
            if (use.isEmpty() || "signing".equals(use)) {
                SamlDom.all(key, SamlDom.DSIG_NS, "X509Certificate").forEach(c -> certificates.add(certificate(c)));
            }
        }
        return List.copyOf(certificates);
    }

    private static X509Certificate certificate(Element element) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(element.getTextContent());
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("Bad X509Certificate in the SP metadata", e);
        }
    }
}
