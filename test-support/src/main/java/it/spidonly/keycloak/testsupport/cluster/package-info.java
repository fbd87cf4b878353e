/**
 * A Keycloak cluster on one machine for integration tests: two nodes of the real distribution, built once with the
 * build-time options of {@code docker/keycloak.conf} (the image's), on a PostgreSQL database of their own
 * ({@link it.spidonly.keycloak.testsupport.cluster.PostgresDatabase}), clustered with Infinispan over JGroups and
 * JDBC ping on loopback, behind {@link it.spidonly.keycloak.testsupport.cluster.RoundRobinProxy}, a load balancer
 * without sticky sessions whose URL is every node's {@code --hostname}.
 *
 * <p>Why a proxy rather than a client that alternates between the nodes' URLs: with one hostname every URL that
 * Keycloak writes (redirects, form actions, the SAML ACS in the SP metadata, the token issuer) points at the
 * balancer, so browser, OIDC client and SPID test IdP all go through it unchanged, and each of their requests goes
 * to the next node, as behind a production balancer. Tests prove a hop by sending one request to a chosen node
 * ({@code sendNextTo}) and reading which node served what ({@code served()}); each node is also reachable directly
 * ({@link it.spidonly.keycloak.testsupport.cluster.ClusterNode#url()}, {@code admin()}).
 *
 * <p>Entry point: {@link it.spidonly.keycloak.testsupport.cluster.KeycloakClusterExtension} (one cluster per test
 * class, skipped with the reason when PostgreSQL does not answer). Extension points:
 * {@link it.spidonly.keycloak.testsupport.cluster.ClusterNodeArgs} (runtime options for the nodes, e.g. a short
 * interval for a scheduled task), {@link it.spidonly.keycloak.testsupport.cluster.ClusterNode#countInLog} (what
 * ran where), {@link it.spidonly.keycloak.testsupport.cluster.KeycloakCluster#stopNode} (failover). New provider
 * jars reach the nodes through the integration-tests pom's copy-providers list, like the image's (checked by
 * {@code ClusterDockerFilesIT}).
 */
package it.spidonly.keycloak.testsupport.cluster;
