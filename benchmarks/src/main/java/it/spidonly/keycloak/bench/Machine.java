package it.spidonly.keycloak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the figures were measured on: cores, CPU model, memory, JDK, load average (from /proc). */
final class Machine {
    private Machine() {
    }

    static String describe() {
        String cpuinfo = read("/proc/cpuinfo");
        String model = cpuinfo.lines().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        String memTotal = read("/proc/meminfo").lines().filter(l -> l.startsWith("MemTotal:")).findFirst()
                .map(l -> l.replaceAll("\\D+", "")).orElse("0");
        return String.format(Locale.ROOT, "Machine: %d CPUs (nproc), %s, %.1f GiB RAM, JDK %s (%s), load average %s",
                Runtime.getRuntime().availableProcessors(), model, Long.parseLong(memTotal) / 1024.0 / 1024.0,
                System.getProperty("java.version"), System.getProperty("java.vm.name"), read("/proc/loadavg").trim());
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
