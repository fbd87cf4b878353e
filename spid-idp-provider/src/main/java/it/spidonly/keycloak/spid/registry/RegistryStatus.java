package it.spidonly.keycloak.spid.registry;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.keycloak.common.util.MultivaluedHashMap;

import it.spidonly.keycloak.spid.sp.Problem;
import it.spidonly.keycloak.spid.sp.SpidMessages;

/**
 * What the last refresh did, kept beside the settings (read-only fields of the {@code spid-registry} page) so every
 * node and the admin console see it: when, who asked, the outcome ({@code ok} or the refusal's message key), the
 * IdPs added, updated and disabled, the last good refresh and the next scheduled one. The outcome in words is kept in
 * English ({@code statusMessage}) and Italian ({@code statusMessageIt}), from the bundle's messages.
 */
public record RegistryStatus(String lastAttempt, String trigger, String result, String message, String messageIt,
                             String added, String updated, String disabled, String lastSuccess, String nextRun) {
    public static final String OK = "ok";
    /** Never refreshed. */
    public static final RegistryStatus NONE = new RegistryStatus("", "", "", "", "", "", "", "", "", "");
    static final String LAST_ATTEMPT = "statusLastRefresh";
    static final String TRIGGER = "statusTrigger";
    static final String RESULT = "statusResult";
    static final String MESSAGE = "statusMessage";
    static final String MESSAGE_IT = "statusMessageIt";
    static final String ADDED = "statusAdded";
    static final String UPDATED = "statusUpdated";
    static final String DISABLED = "statusDisabled";
    static final String LAST_SUCCESS = "statusLastSuccess";
    static final String NEXT_RUN = "statusNextRun";
    static final List<String> KEYS = List.of(LAST_ATTEMPT, TRIGGER, RESULT, MESSAGE, MESSAGE_IT, ADDED, UPDATED, DISABLED,
            LAST_SUCCESS, NEXT_RUN);

    public static RegistryStatus of(MultivaluedHashMap<String, String> config) {
        return new RegistryStatus(get(config, LAST_ATTEMPT), get(config, TRIGGER), get(config, RESULT),
                get(config, MESSAGE), get(config, MESSAGE_IT), get(config, ADDED), get(config, UPDATED), get(config, DISABLED),
                get(config, LAST_SUCCESS), get(config, NEXT_RUN));
    }

    static RegistryStatus succeeded(Instant at, String trigger, RegistryImport.Result result, String nextRun) {
        Problem summary = Problem.of("spidRegistryRefreshed", result.added().size(), result.updated().size(), result.disabled().size());
        return new RegistryStatus(at.toString(), trigger, OK, SpidMessages.format(summary, Locale.ENGLISH),
                SpidMessages.format(summary, Locale.ITALIAN), String.join(", ", result.added()),
                String.join(", ", result.updated()), String.join(", ", result.disabled()), at.toString(), nextRun);
    }

    /** A refused refresh: the realm keeps the last good state, which the status still names. */
    static RegistryStatus failed(Instant at, String trigger, String reason, RegistryStatus previous, String nextRun) {
        Problem problem = Problem.of(reason);
        return new RegistryStatus(at.toString(), trigger, reason, SpidMessages.format(problem, Locale.ENGLISH),
                SpidMessages.format(problem, Locale.ITALIAN), "", "", "", previous.lastSuccess(), nextRun);
    }

    public boolean succeeded() {
        return OK.equals(result);
    }

    /** The outcome in words in the admin's language: Italian for "it", else English. */
    public String message(String language) {
        return "it".equals(language) && !messageIt.isEmpty() ? messageIt : message;
    }

    public Instant lastAttemptInstant() {
        return lastAttempt.isEmpty() ? Instant.EPOCH : Instant.parse(lastAttempt);
    }

    void writeTo(MultivaluedHashMap<String, String> config) {
        List<String> values = List.of(lastAttempt, trigger, result, message, messageIt, added, updated, disabled, lastSuccess, nextRun);
        for (int i = 0; i < KEYS.size(); i++) {
            config.putSingle(KEYS.get(i), values.get(i));
        }
    }

    private static String get(MultivaluedHashMap<String, String> config, String key) {
        String value = config.getFirst(key);
        return value == null ? "" : value;
    }
}
