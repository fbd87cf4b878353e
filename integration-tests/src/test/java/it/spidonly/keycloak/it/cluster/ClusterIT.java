package it.spidonly.keycloak.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import it.spidonly.keycloak.testsupport.cluster.KeycloakCluster;
import it.spidonly.keycloak.testsupport.cluster.KeycloakClusterExtension;

@ExtendWith(KeycloakClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {
    @Test
    void twoNodes(KeycloakCluster cluster) {
        assertEquals(2, cluster.node(1).lastClusterViewSize());
        assertEquals(2, cluster.node(2).lastClusterViewSize());
    }
}
