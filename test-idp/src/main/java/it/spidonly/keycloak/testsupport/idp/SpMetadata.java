package it.spidonly.keycloak.testsupport.idp;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the test IdP needs to know about a service provider, read from its SAML metadata.
 *
 * @param entityId                       the SP entityID (the Audience of our assertions)
 * @param signingCertificates            certificates of {@code KeyDescriptor use="signing"} (or without use)
 * @param assertionConsumerServices      HTTP-POST AssertionConsumerService locations by index
 * @param defaultAcsIndex                the {@code isDefault="true"} ACS, else index 0, else the first; null if none
 * @param attributeConsumingServices     RequestedAttribute names by AttributeConsumingService index
 * @param defaultAttributeConsumingIndex the {@code isDefault="true"} service, else the lowest index; null if none
 * @param singleLogoutService            the HTTP-POST SingleLogoutService location (else HTTP-Redirect); null if none
 */
record SpMetadata(String entityId, List<X509Certificate> signingCertificates,
        Map<Integer, String> assertionConsumerServices, Integer defaultAcsIndex,
        Map<Integer, List<String>> attributeConsumingServices, Integer defaultAttributeConsumingIndex,
        String singleLogoutService) {

    List<PublicKey> signingKeys() {
        return signingCertificates.stream().map(X509Certificate::getPublicKey).toList();
    }

    /** The ACS URL with that index, or the default one when {@code index} is null. */
    Optional<String> acsUrl(Integer index) {
        return Optional.ofNullable(assertionConsumerServices.get(index == null ? defaultAcsIndex : index));
    }

    /** The requested attribute names of that service, or of the default one when {@code index} is null. */
    Optional<List<String>> requestedAttributes(Integer index) {
        return Optional.ofNullable(attributeConsumingServices.get(index == null ? defaultAttributeConsumingIndex : index));
    }
}
