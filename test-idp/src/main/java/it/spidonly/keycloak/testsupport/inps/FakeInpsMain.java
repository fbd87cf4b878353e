package it.spidonly.keycloak.testsupport.inps;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the fake INPS standalone for the demo: {@code [--port 8191] [--api-key <key>]}, with {@link FakeInps#demoPeople()}.
 * Prints the endpoint and the people, and runs until the JVM is stopped.
 */
public final class FakeInpsMain {
    private FakeInpsMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8191;
        String apiKey = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--api-key" -> apiKey = args[i + 1];
                default -> throw new IllegalArgumentException("Usage: FakeInpsMain [--port 8191] [--api-key <key>]");
            }
        }
        FakeInps inps = FakeInps.start(port, apiKey, FakeInps.demoPeople());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            inps.close();
            stopped.countDown();
        }, "fake-inps-shutdown"));
        System.out.println("Fake INPS PIN verification: " + inps.endpoint());
        FakeInps.demoPeople().forEach(p -> System.out.printf("  %s %s %s  PIN %s%s%n", p.fiscalCode(), p.givenName(),
                p.familyName(), p.pin(), p.blocked() ? " (blocked)" : ""));
        stopped.await();
    }
}
