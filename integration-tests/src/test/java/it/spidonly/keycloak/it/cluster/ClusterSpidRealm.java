package it.spidonly.keycloak.it.cluster;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.cluster.KeycloakCluster;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdp;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdpSettings;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakAdmin;
import it.spidonly.keycloak.testsupport.realm.SpidRealm;

/**
 * A fresh ministry realm on the cluster (the project's realm template), imported through node 1, with its own SPID
 * test IdP. The IdP reads the SP metadata through the balancer, so its ACS is the cluster's one hostname.
 */
final class ClusterSpidRealm implements AutoCloseable {
    static final String APP = "ministry-demo-app";
    static final String REDIRECT_URI = "http://127.0.0.1:1/callback";
    static final String IDP_ALIAS = "spid-test-idp";

    final KeycloakCluster cluster;
    final SpidTestIdp idp;
    private final String name;

    private ClusterSpidRealm(KeycloakCluster cluster, String name, SpidTestIdp idp) {
        this.cluster = cluster;
        this.name = name;
        this.idp = idp;
    }

    static ClusterSpidRealm create(KeycloakCluster cluster, String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        SpidTestIdp idp = SpidTestIdp.start(SpidTestIdpSettings.builder().port(0)
                .spMetadataUrl(cluster.realmUrl(name) + "/spid/metadata").users(TestUser.demoUsers()).build());
        cluster.node(1).admin().importRealm(SpidRealm.named(name)
                .testIdp(idp.baseUrl(), idp.entityId(), idp.signingCertificateBase64())
                .appRedirectUri(REDIRECT_URI)
                .loginTheme("keycloak.v2")
                .toJson());
        return new ClusterSpidRealm(cluster, name, idp);
    }

    String name() {
        return name;
    }

    /** Through the balancer: the issuer on every node. */
    String realmUrl() {
        return cluster.realmUrl(name);
    }

    String acsUrl() {
        return realmUrl() + "/spid/acs";
    }

    /** Admin REST through node {@code node} only. */
    KeycloakAdmin adminOn(int node) {
        return cluster.node(node).admin();
    }

    /** The realm path for admin calls: {@code /REALM}. */
    String path() {
        return "/" + name;
    }

    /** The latest LOGIN_ERROR event since {@code sinceMillis} with that reason, or null (events are in the database). */
    JsonNode loginError(String reason, long sinceMillis) {
        for (JsonNode event : cluster.admin().get(path() + "/events?type=LOGIN_ERROR&max=100")) {
            if (event.path("time").asLong() >= sinceMillis && reason.equals(event.path("details").path("reason").asText())) {
                return event;
            }
        }
        return null;
    }

    @Override
    public void close() {
        idp.close();
        if (cluster.nodes().stream().anyMatch(n -> n.isRunning())) {
            cluster.admin().deleteRealm(name);
        }
    }
}
