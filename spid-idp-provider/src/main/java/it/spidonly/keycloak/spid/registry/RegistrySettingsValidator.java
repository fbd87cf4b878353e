package it.spidonly.keycloak.spid.registry;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import it.spidonly.keycloak.spid.sp.Problem;

/** What is wrong with registry settings about to be saved: source, certificate, trust flag, interval. */
final class RegistrySettingsValidator {
    private RegistrySettingsValidator() {
    }

    static List<Problem> problems(RegistrySettings settings, RegistryOptions options) {
        List<Problem> problems = new ArrayList<>();
        source(settings.source(), options).ifPresent(problems::add);
        if (!settings.certificatePem().isBlank()) {
            try {
                RegistryTrust.certificates(settings.certificatePem());
            } catch (RegistryRejected e) {
                problems.add(Problem.of(e.reason()));
            }
        }
        if (settings.trustedLocalFile() && !RegistrySource.isFile(settings.source())) {
            problems.add(Problem.of("spidRegistryTrustedNeedsFile"));
        }
        if (settings.intervalMinutes() < 0 || settings.intervalMinutes() > RegistrySettings.MAX_INTERVAL_MINUTES) {
            problems.add(Problem.of("spidRegistryIntervalInvalid", RegistrySettings.MAX_INTERVAL_MINUTES));
        }
        return problems;
    }

    private static Optional<Problem> source(String source, RegistryOptions options) {
        if (RegistrySettings.BUNDLED.equals(source)) {
            return Optional.empty();
        }
        if (RegistrySource.isUrl(source)) {
            try {
                URI uri = URI.create(source);
                return uri.getHost() == null ? Optional.of(Problem.of("spidRegistrySourceInvalid", source))
                        : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of(Problem.of("spidRegistrySourceInvalid", source));
            }
        }
        if (RegistrySource.isFile(source)) {
            try {
                return Files.isRegularFile(RegistrySource.file(source, options.fileDir())) ? Optional.empty()
                        : Optional.of(Problem.of("spidRegistryFileMissing", source));
            } catch (RegistryRejected e) {
                return Optional.of(Problem.of(e.reason(), options.fileDir().toString()));
            }
        }
        return Optional.of(Problem.of("spidRegistrySourceInvalid", source));
    }
}
