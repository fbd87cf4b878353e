package it.spidonly.demo;

import java.nio.file.Path;

/**
 * Where the demo finds Keycloak and the bundle, where it works, and its ports (0 = a free port, chosen at start).
 * Defaults are bin/demo's: Keycloak 8180 (management 9180), test IdPs from 8190, the app 8200, the mail catcher
 * 8205 (SMTP 2525).
 */
record DemoOptions(Path keycloakDistribution, Path providers, Path workDir, int keycloakPort, int managementPort,
                   int firstIdpPort, int appPort, int mailPort, int smtpPort) {

    static final String USAGE = """
            Usage: java -jar demo/target/demo-VERSION.jar [options]            start the demo (bin/demo does this)
                   java -jar demo/target/demo-VERSION.jar cutover now|later [--keycloak URL]
                                                                              move the SPID-only cutover instant
              --keycloak-dist DIR   the unpacked Keycloak distribution (default integration-tests/target/keycloak-<version>)
              --providers DIR       the bundle's provider jars (default integration-tests/target/providers)
              --work-dir DIR        Keycloak's copy, its H2 database and logs (default demo-data)
              --free-ports          every port chosen free at start (default: 8180, 9180, 8190-8194, 8200, 8205, SMTP 2525)
            """;

    static DemoOptions parse(String kcVersion, String... args) {
        Path dist = Path.of("integration-tests/target/keycloak-" + kcVersion);
        Path providers = Path.of("integration-tests/target/providers");
        Path work = Path.of("demo-data");
        boolean free = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--keycloak-dist" -> dist = Path.of(value(args, ++i));
                case "--providers" -> providers = Path.of(value(args, ++i));
                case "--work-dir" -> work = Path.of(value(args, ++i));
                case "--free-ports" -> free = true;
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        return free ? new DemoOptions(dist, providers, work, 0, 0, 0, 0, 0, 0)
                : new DemoOptions(dist, providers, work, 8180, 9180, 8190, 8200, 8205, 2525);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("Missing value for " + args[i - 1]);
        }
        return args[i];
    }
}
