package it.spidonly.keycloak.helpdesk.admin;

import static it.spidonly.keycloak.helpdesk.proofing.ProofingAttributes.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import it.spidonly.keycloak.helpdesk.HelpdeskSettings;
import it.spidonly.keycloak.helpdesk.activation.ActivationCredentials;
import it.spidonly.keycloak.helpdesk.eligibility.IssuerEligibility;
import it.spidonly.keycloak.helpdesk.eligibility.IssuingState;
import it.spidonly.keycloak.helpdesk.lifecycle.CredentialExpiry;
import it.spidonly.keycloak.helpdesk.lifecycle.CredentialState;
import it.spidonly.keycloak.helpdesk.lifecycle.SignOut;
import it.spidonly.keycloak.helpdesk.mail.ActivationMail;
import it.spidonly.keycloak.helpdesk.proofing.DocumentKey;
import it.spidonly.keycloak.helpdesk.proofing.HelpdeskUsers;
import it.spidonly.keycloak.helpdesk.proofing.ProofingInput;
import it.spidonly.keycloak.helpdesk.proofing.ProofingOutcome;
import it.spidonly.keycloak.helpdesk.proofing.ProofingValidator;
import it.spidonly.keycloak.helpdesk.proofing.Refusal;
import it.spidonly.keycloak.helpdesk.proofing.ValidProofing;

/**
 * What operators do, on Keycloak's user store, within the request's transaction. Each refusal is a
 * {@link HelpdeskProblem}; the resource rolls back. Statuses: 400 bad input, 403 not allowed (four eyes),
 * 404 no such record, 409 conflict with what is stored (duplicate, wrong state), 422 not eligible, 502 mail failed.
 */
final class HelpdeskOperations {
    private static final Logger LOG = Logger.getLogger(HelpdeskOperations.class);
    private static final long RECORD_LOCK_SECONDS = 60;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel operator;
    private final HelpdeskSettings settings;
    private final HelpdeskAudit audit;
    private final HelpdeskUsers users;

    HelpdeskOperations(KeycloakSession session, RealmModel realm, UserModel operator, HelpdeskSettings settings, HelpdeskAudit audit) {
        this.session = session;
        this.realm = realm;
        this.operator = operator;
        this.settings = settings;
        this.audit = audit;
        this.users = new HelpdeskUsers(session, realm);
    }

    RecordView record(ProofingInput input) {
        if (input == null) {
            throw new HelpdeskProblem(400, "helpdesk.input.body");
        }
        ProofingOutcome outcome = new ProofingValidator(new IssuerEligibility(settings.eidasStates())).validate(input, today());
        if (outcome.proofing().isEmpty()) {
            boolean badInput = outcome.refusals().stream().anyMatch(r -> r.key().startsWith("helpdesk.input."));
            throw new HelpdeskProblem(badInput ? 400 : 422, outcome.refusals());
        }
        ValidProofing proofing = outcome.proofing().get();
        String key = proofing.documentKey();
        // a cluster-wide claim on the document while this transaction runs: two operators recording the same
        // document at once on two nodes cannot both pass the database search below
        String lock = "helpdesk.record." + realm.getId() + "." + key;
        if (!session.singleUseObjects().putIfAbsent(lock, RECORD_LOCK_SECONDS)) {
            throw new HelpdeskProblem(409, "helpdesk.duplicate");
        }
        try {
            if (users.byDocumentKey(key).findAny().isPresent()) {
                throw new HelpdeskProblem(409, "helpdesk.duplicate");
            }
            if (users.byEmail(proofing.email()).isPresent()) {
                throw new HelpdeskProblem(409, "helpdesk.email.taken");
            }
        } catch (HelpdeskProblem refused) {
            session.singleUseObjects().remove(lock);
            throw refused;
        }
        Instant now = now();
        UserModel user = users.createPending(proofing, operator, now);
        AuditEntry entry = AuditEntry.of("record", user.getId(), user.getUsername(), CredentialState.PENDING.name());
        entry.evidenceRef = emptyToNull(proofing.evidenceRef());
        audit.record(OperationType.CREATE, "helpdesk/records/" + user.getId(), entry);
        LOG.infof("help-desk proofing recorded in realm %s: user %s by operator %s", realm.getName(), user.getUsername(), operator.getUsername());
        return RecordView.of(user, now);
    }

    List<RecordView> search(String state, String email, String issuingState, String documentNumber) {
        Instant now = now();
        Stream<UserModel> found;
        if (issuingState != null || documentNumber != null) {
            if (issuingState == null || documentNumber == null || issuingState.isBlank() || documentNumber.isBlank()) {
                throw new HelpdeskProblem(400, "helpdesk.search.document");
            }
            found = users.byDocumentKey(DocumentKey.of(IssuingState.of(issuingState), documentNumber));
        } else if (email != null && !email.isBlank()) {
            found = users.byEmail(email.strip()).stream();
        } else {
            CredentialState wanted = parseState(state == null ? "PENDING" : state);
            found = users.byState(wanted);
        }
        List<RecordView> out = new ArrayList<>();
        found.filter(HelpdeskUsers::isHelpdeskUser).limit(200).forEach(u -> out.add(RecordView.of(u, now)));
        return out;
    }

    RecordView view(String id) {
        return RecordView.of(record(id), now());
    }

    RecordView approve(String id, DecisionRequest decision) {
        UserModel user = record(id);
        requireState(user, CredentialState.PENDING);
        if (operator.getId().equals(user.getFirstAttribute(RECORDED_BY))) {
            throw new HelpdeskProblem(403, "helpdesk.approval.own-request");
        }
        LocalDate documentExpiry = LocalDate.parse(user.getFirstAttribute(DOCUMENT_EXPIRY));
        if (documentExpiry.isBefore(today())) {
            throw new HelpdeskProblem(422, "helpdesk.eligibility.document-expired", documentExpiry.toString());
        }
        Instant now = now();
        Instant expiresAt = CredentialExpiry.of(documentExpiry, now, settings.cap());
        user.setSingleAttribute(STATE, CredentialState.ISSUED.name());
        user.setSingleAttribute(APPROVED_BY, operator.getId());
        user.setSingleAttribute(APPROVED_BY_USERNAME, operator.getUsername());
        user.setSingleAttribute(APPROVED_AT, now.toString());
        user.setSingleAttribute(CREDENTIAL_EXPIRES_AT, expiresAt.toString());
        user.setSingleAttribute(CREDENTIAL_EXPIRES_ON, LocalDate.ofInstant(expiresAt, CredentialExpiry.MINISTRY_ZONE).toString());
        user.setEnabled(true);
        sendActivation(user, now, expiresAt);
        AuditEntry entry = AuditEntry.of("approve", user.getId(), user.getUsername(), CredentialState.ISSUED.name());
        entry.credentialExpiresAt = expiresAt.toString();
        entry.evidenceRef = decision == null ? null : emptyToNull(decision.evidenceRef);
        audit.record(OperationType.ACTION, "helpdesk/records/" + user.getId() + "/approve", entry);
        LOG.infof("help-desk proofing approved in realm %s: user %s by operator %s", realm.getName(), user.getUsername(), operator.getUsername());
        return RecordView.of(user, now);
    }

    RecordView revoke(String id, DecisionRequest decision) {
        UserModel user = record(id);
        String reason = decision == null || decision.reason == null ? "" : decision.reason.strip();
        if (reason.isEmpty()) {
            throw new HelpdeskProblem(400, "helpdesk.input.missing", "reason");
        }
        if (reason.length() > 500 || (decision.evidenceRef != null && decision.evidenceRef.length() > 200)) {
            throw new HelpdeskProblem(400, "helpdesk.input.invalid", reason.length() > 500 ? "reason" : "evidenceRef");
        }
        CredentialState state = HelpdeskUsers.state(user).orElse(CredentialState.REVOKED);
        if (state == CredentialState.REVOKED) {
            throw new HelpdeskProblem(409, "helpdesk.state.revoked");
        }
        Instant now = now();
        user.setSingleAttribute(STATE, CredentialState.REVOKED.name());
        user.setSingleAttribute(REVOKED_BY, operator.getId());
        user.setSingleAttribute(REVOKED_BY_USERNAME, operator.getUsername());
        user.setSingleAttribute(REVOKED_AT, now.toString());
        user.setSingleAttribute(REVOCATION_REASON, reason);
        if (decision.evidenceRef != null && !decision.evidenceRef.isBlank()) {
            user.setSingleAttribute(REVOCATION_EVIDENCE_REF, decision.evidenceRef.strip());
        }
        user.setEnabled(false);
        ActivationCredentials.remove(user);
        SignOut.everywhere(session, realm, user);
        AuditEntry entry = AuditEntry.of("revoke", user.getId(), user.getUsername(), CredentialState.REVOKED.name());
        entry.reason = reason;
        entry.evidenceRef = emptyToNull(decision.evidenceRef);
        audit.record(OperationType.ACTION, "helpdesk/records/" + user.getId() + "/revoke", entry);
        LOG.infof("help-desk credential revoked in realm %s: user %s by operator %s", realm.getName(), user.getUsername(), operator.getUsername());
        return RecordView.of(user, now);
    }

    RecordView reissue(String id, DecisionRequest decision) {
        UserModel user = record(id);
        requireState(user, CredentialState.ISSUED);
        Instant now = now();
        Instant expiresAt = HelpdeskUsers.credentialExpiresAt(user).orElse(now);
        if (CredentialExpiry.isExpired(expiresAt, now)) {
            throw new HelpdeskProblem(409, "helpdesk.state.expired", expiresAt.toString());
        }
        sendActivation(user, now, expiresAt);
        AuditEntry entry = AuditEntry.of("reissue", user.getId(), user.getUsername(), CredentialState.ISSUED.name());
        entry.reason = decision == null ? null : emptyToNull(decision.reason);
        entry.evidenceRef = decision == null ? null : emptyToNull(decision.evidenceRef);
        audit.record(OperationType.ACTION, "helpdesk/records/" + user.getId() + "/reissue", entry);
        return RecordView.of(user, now);
    }

    /** A new code (the old one stops working), valid for the realm's activation validity but never past the credential. */
    private void sendActivation(UserModel user, Instant now, Instant credentialExpiresAt) {
        Duration validity = settings.activationValidity();
        Duration left = Duration.between(now, credentialExpiresAt);
        String code = ActivationCredentials.issue(user, now, left.compareTo(validity) < 0 ? left : validity);
        try {
            ActivationMail.send(session, realm, user, code, now.plus(left.compareTo(validity) < 0 ? left : validity));
        } catch (EmailException e) {
            // the mail error may name the address: only at debug
            LOG.warnf("help-desk activation e-mail for user %s in realm %s failed", user.getUsername(), realm.getName());
            LOG.debugf(e, "help-desk activation e-mail failure for user %s", user.getUsername());
            throw new HelpdeskProblem(502, "helpdesk.mail.failed");
        }
        user.setSingleAttribute(ACTIVATION_SENT_AT, now.toString());
    }

    private UserModel record(String id) {
        return users.byId(id).orElseThrow(() -> new HelpdeskProblem(404, "helpdesk.record.not-found"));
    }

    private static void requireState(UserModel user, CredentialState wanted) {
        CredentialState state = HelpdeskUsers.state(user).orElse(CredentialState.REVOKED);
        if (state != wanted) {
            throw new HelpdeskProblem(409, "helpdesk.state.not-" + wanted.name().toLowerCase(Locale.ROOT), state.name());
        }
    }

    private static CredentialState parseState(String state) {
        try {
            return CredentialState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HelpdeskProblem(400, "helpdesk.input.invalid", "state");
        }
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Time.currentTimeMillis());
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(now(), CredentialExpiry.MINISTRY_ZONE);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
