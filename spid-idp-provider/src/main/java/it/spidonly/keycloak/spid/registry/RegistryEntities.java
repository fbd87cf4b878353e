package it.spidonly.keycloak.spid.registry;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import it.spidonly.keycloak.spid.metadata.SamlNames;

/** The IdPs of a verified registry aggregate: each {@code EntityDescriptor} with an {@code IDPSSODescriptor}. */
final class RegistryEntities {
    private RegistryEntities() {
    }

    static List<RegistryIdp> read(Element aggregate) {
        List<RegistryIdp> idps = new ArrayList<>();
        for (Element entity : children(aggregate, "EntityDescriptor")) {
            List<Element> descriptors = children(entity, "IDPSSODescriptor");
            if (descriptors.isEmpty()) {
                continue;
            }
            Element idp = descriptors.get(0);
            idps.add(new RegistryIdp(entity.getAttribute("entityID").trim(), displayName(entity),
                    endpoint(idp, "SingleSignOnService", SamlNames.HTTP_POST),
                    endpoint(idp, "SingleSignOnService", SamlNames.HTTP_REDIRECT),
                    firstNonNull(endpoint(idp, "SingleLogoutService", SamlNames.HTTP_POST),
                            endpoint(idp, "SingleLogoutService", SamlNames.HTTP_REDIRECT)),
                    signingCertificates(idp), logo(idp)));
        }
        return idps;
    }

    private static String displayName(Element entity) {
        List<Element> organizations = children(entity, "Organization");
        if (organizations.isEmpty()) {
            return entity.getAttribute("entityID");
        }
        List<Element> names = children(organizations.get(0), "OrganizationDisplayName");
        return names.stream().filter(n -> "it".equals(n.getAttributeNS(SamlNames.XML, "lang"))).findFirst()
                .or(() -> names.stream().findFirst())
                .map(n -> n.getTextContent().trim()).orElse(entity.getAttribute("entityID"));
    }

    /** The first {@code https} {@code mdui:Logo} of the IdP's {@code mdui:UIInfo} (SAML V2.0 Metadata UI, 2.1.1). */
    private static String logo(Element idp) {
        for (Element extensions : children(idp, "Extensions")) {
            var logos = extensions.getElementsByTagNameNS(SamlNames.MDUI, "Logo");
            for (int i = 0; i < logos.getLength(); i++) {
                String url = logos.item(i).getTextContent().trim();
                if (url.startsWith("https://")) {
                    return url;
                }
            }
        }
        return null;
    }

    private static String endpoint(Element idp, String service, String binding) {
        return children(idp, service).stream().filter(e -> binding.equals(e.getAttribute("Binding")))
                .map(e -> e.getAttribute("Location").trim()).findFirst().orElse(null);
    }

    private static List<String> signingCertificates(Element idp) {
        List<String> certificates = new ArrayList<>();
        for (Element key : children(idp, "KeyDescriptor")) {
            String use = key.getAttribute("use");
            if (use.isEmpty() || "signing".equals(use)) {
                var certs = key.getElementsByTagNameNS(SamlNames.DS, "X509Certificate");
                for (int i = 0; i < certs.getLength(); i++) {
                    certificates.add(certs.item(i).getTextContent().replaceAll("\\s", ""));
                }
            }
        }
        return certificates;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && SamlNames.MD.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
