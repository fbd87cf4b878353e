package it.spidonly.keycloak.testsupport.testidp;

import java.util.concurrent.CountDownLatch;

/**
 * The runnable test IdP ({@code java -jar test-idp/target/test-idp-*.jar --help}): starts {@link TestIdps} with the
 * command line's {@link TestIdpOptions}, prints each IdP's name, metadata URL and demo persons, and runs until
 * SIGTERM or Ctrl-C.
 */
public final class TestIdpMain {

    private TestIdpMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        TestIdpOptions options;
        try {
            options = TestIdpOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(TestIdpOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(TestIdpOptions.USAGE);
            return;
        }
        if (options.spMetadataUrl() == null && (options.spidCount() > 0 || options.ficep())) {
            System.err.println("--sp-metadata is required for SPID IdPs and FICEP (they check the SP's signatures)");
            System.err.print(TestIdpOptions.USAGE);
            System.exit(2);
            return;
        }
        TestIdps idps;
        try {
            idps = TestIdps.start(options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            idps.close();
            stopped.countDown();
        }, "test-idp-shutdown"));
        for (TestIdps.Served idp : idps.served()) {
            System.out.printf("%-32s %-10s metadata %s%n", idp.name(), idp.kind(), idp.metadataUrl());
            for (var person : idp.persons()) {
                System.out.printf("    %-20s %-12s level %s  %s%n", person.get("username"), person.get("password"),
                        person.get("level"), person.get("name"));
            }
        }
        System.out.println("Ready. Ctrl-C stops.");
        stopped.await();
    }
}
