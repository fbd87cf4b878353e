package it.spidonly.keycloak.testsupport.idp;

import java.time.Instant;
import java.util.Map;

/**
 * Everything that varies in a baseline SPID Response.
 *
 * @param now          IssueInstant, AuthnInstant and start of validity
 * @param idpEntityId  Issuer and NameQualifier
 * @param spEntityId   Audience
 * @param acsUrl       Destination and Recipient
 * @param requestId    InResponseTo
 * @param level        AuthnContextClassRef
 * @param attributes   the attributes to release, by SPID name, in order
 */
record ResponseParameters(Instant now, String idpEntityId, String spEntityId, String acsUrl, String requestId,
        SpidLevel level, Map<String, String> attributes) {
}
