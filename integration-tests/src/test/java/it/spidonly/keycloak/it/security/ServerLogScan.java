package it.spidonly.keycloak.it.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the test Keycloak's log from a mark on and finds the entries at INFO and above that carry a fiscal code in
 * clear: the 16-character shape of a codice fiscale (omocodia letters allowed), in any case, also inside
 * {@code tinit-}. Lines that do not start an entry (stack traces, continuations) count at the level of their entry.
 */
final class ServerLogScan {
    static final Pattern FISCAL_CODE = Pattern.compile(
            "[a-z]{6}[0-9lmnpqrstuv]{2}[a-z][0-9lmnpqrstuv]{2}[a-z][0-9lmnpqrstuv]{3}[a-z]", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTRY = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}[,.]\\d+\\S*\\s+(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\\b");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");
    private static final Set<String> REPORTED = Set.of("INFO", "WARN", "WARNING", "ERROR", "FATAL");

    private final Path log;
    private final long mark;

    private ServerLogScan(Path log, long mark) {
        this.log = log;
        this.mark = mark;
    }

    /** From the log's current end on. */
    static ServerLogScan from(Path log) {
        try {
            return new ServerLogScan(log, Files.exists(log) ? Files.size(log) : 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines written since the mark, at INFO and above, that contain a fiscal code in clear. */
    List<String> fiscalCodesInClear() {
        List<String> found = new ArrayList<>();
        String level = "INFO";
        for (String raw : linesSinceMark()) {
            String line = ANSI.matcher(raw).replaceAll("");
            Matcher entry = ENTRY.matcher(line);
            if (entry.find()) {
                level = entry.group(1);
            }
            if (REPORTED.contains(level) && FISCAL_CODE.matcher(line).find()) {
                found.add(line);
            }
        }
        return found;
    }

    /** How many lines were written since the mark (to show the scan read something). */
    int lineCount() {
        return linesSinceMark().size();
    }

    private List<String> linesSinceMark() {
        try {
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(mark, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
