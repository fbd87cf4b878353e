package it.spidonly.demo;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * bin/demo's launcher: {@code java -jar demo.jar [options]} starts the {@link Demo} and prints the guide; SIGTERM or
 * Ctrl-C stop everything it started (Keycloak's process tree included). {@code cutover now|later} moves the cutover
 * of a running demo.
 */
public final class DemoMain {
    private DemoMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String kcVersion = System.getProperty("keycloak.dist.version", "26.7.5");
        if (args.length > 0 && args[0].equals("cutover")) {
            boolean now = args.length > 1 && args[1].equals("now");
            String kc = args.length > 3 && args[2].equals("--keycloak") ? args[3] : "http://127.0.0.1:8180";
            System.out.println("SPID-only cutover of realm " + DemoRealmSetup.REALM + " at " + Cutover.move(kc, now) + " (Europe/Rome)"
                    + (now ? ": legacy passwords are refused from now" : ": legacy passwords work again"));
            return;
        }
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(DemoOptions.USAGE);
            return;
        }
        DemoOptions options;
        try {
            options = DemoOptions.parse(kcVersion, args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        CountDownLatch stopped = new CountDownLatch(1);
        Demo[] running = new Demo[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (running) {
                if (running[0] != null) {
                    System.out.println("\n== Stopping");
                    running[0].close();
                    System.out.println("== Stopped");
                }
            }
            stopped.countDown();
        }, "demo-shutdown"));
        System.out.println("== Starting the mail catcher, the test IdPs, Keycloak (" + options.workDir() + "/keycloak/keycloak.log) and the app");
        Demo demo;
        try {
            demo = Demo.start(options);
        } catch (RuntimeException | Error e) {
            System.err.println("bin/demo: " + e);
            System.exit(1);
            return;
        }
        synchronized (running) {
            running[0] = demo;
        }
        // bin/demo passes when it started, so that the time includes the build
        String epoch = System.getProperty("demo.start.epoch");
        long ready = epoch != null && epoch.matches("\\d{1,12}") ? System.currentTimeMillis() / 1000 - Long.parseLong(epoch)
                : (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println(demo.guide(ready));
        stopped.await();
    }
}
