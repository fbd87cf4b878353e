package it.spidonly.keycloak.testsupport.cluster;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A two-node {@link KeycloakCluster} for one test class (and its {@code @Nested} classes), started before its
 * first test and stopped, with its database dropped, after its last:
 *
 * <pre>
 * &#64;ExtendWith(KeycloakClusterExtension.class)
 * class ClusterSomethingIT {
 *     &#64;Test
 *     void works(KeycloakCluster cluster) { ... cluster.node(2).admin() ... cluster.balancer() ... }
 * }
 * </pre>
 *
 * <p>A cluster costs a build (40-60 s, reused while nothing changed) and two cold starts, so prefer adding tests to
 * an existing cluster class over a new class. Independent of {@code KeycloakServer} (the shared dev-mode server):
 * its own distribution copy, ports and database. PostgreSQL unreachable: the class is disabled with the reason
 * (reported as skipped), never passed.
 * Extra node options: {@link ClusterNodeArgs} on the class.
 */
public final class KeycloakClusterExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KeycloakClusterExtension.class);

    /**
     * Without PostgreSQL the class is disabled with the reason, so the report counts its tests as skipped (an
     * assumption failing in {@code beforeAll} would leave a class of zero tests, which looks like a pass).
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent() || context.getStore(NAMESPACE).get(Running.class) != null) {
            return ConditionEvaluationResult.enabled("the class's cluster decides");
        }
        String unavailable = PostgresDatabase.unavailableReason();
        if (unavailable != null) {
            System.out.println("SKIPPED " + context.getDisplayName() + ": " + unavailable);
            return ConditionEvaluationResult.disabled(unavailable);
        }
        return ConditionEvaluationResult.enabled("PostgreSQL answers");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KeycloakCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    /** The class's cluster; a nested class finds its enclosing class's one (stores are read upwards). */
    private static KeycloakCluster cluster(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Running running = store.get(Running.class, Running.class);
        if (running == null) {
            running = store.getOrComputeIfAbsent(Running.class, key -> Running.start(context), Running.class);
        }
        return running.cluster;
    }

    private record Running(KeycloakCluster cluster) implements CloseableResource {

        static Running start(ExtensionContext context) {
            long begin = System.nanoTime();
            List<String> args = context.getTestClass()
                    .map(c -> c.getAnnotation(ClusterNodeArgs.class))
                    .map(a -> List.of(a.value())).orElse(List.of());
            KeycloakCluster cluster = KeycloakCluster.start(ClusterSettings.fromSystemProperties(args));
            System.out.printf("Keycloak cluster of %d nodes behind %s ready after %d s (database %s)%n",
                    cluster.nodes().size(), cluster.url(), Duration.ofNanos(System.nanoTime() - begin).toSeconds(),
                    cluster.database().name());
            return new Running(cluster);
        }

        @Override
        public void close() {
            cluster.close();
        }
    }
}
