package it.spidonly.keycloak.spid.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;


/**
 * One refresh of a realm's registry: read the source, verify the aggregate (or, for a local file the admin marked
 * trusted, only read it), then bring its IdPs into the realm. A refused aggregate changes nothing in the realm:
 * the outcome's status names the reason and keeps the time of the last good refresh.
 */
final class RegistryRefresh {
    private static final Logger LOG = Logger.getLogger(RegistryRefresh.class);

    record Outcome(RegistryStatus status, RegistryImport.Result result, RegistryRejected refusal) {
        boolean succeeded() {
            return refusal == null;
        }
    }

    private RegistryRefresh() {
    }

    static Outcome run(KeycloakSession session, RealmModel realm, RegistrySettings settings, RegistryStatus previous,
                       String trigger, RegistryOptions options, Clock clock) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String nextRun = RegistrySlot.nextRun(now, settings);
        RegistryAggregate registry;
        try {
            byte[] xml = RegistrySource.read(session, settings.source(), options.fileDir());
            registry = settings.trustedLocalFile() && RegistrySource.isFile(settings.source())
                    ? RegistryAggregate.trusted(xml)
                    : RegistryAggregate.verify(xml, RegistryTrust.certificates(settings.certificatePem()), clock);
        } catch (RegistryRejected refused) {
            LOG.warnf("SPID registry of realm %s refused (%s): %s; the realm keeps its IdPs", realm.getName(),
                    trigger, refused.getMessage());
            return new Outcome(RegistryStatus.failed(now, trigger, refused.reason(), previous, nextRun), null, refused);
        }
        RegistryImport.Result result = RegistryImport.apply(session, realm, registry);
        LOG.infof("SPID registry of realm %s refreshed (%s): %d added, %d updated, %d disabled", realm.getName(),
                trigger, result.added().size(), result.updated().size(), result.disabled().size());
        return new Outcome(RegistryStatus.succeeded(now, trigger, result, nextRun), result, null);
    }
}
