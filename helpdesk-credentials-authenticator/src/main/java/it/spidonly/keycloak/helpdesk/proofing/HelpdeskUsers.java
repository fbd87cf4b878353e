package it.spidonly.keycloak.helpdesk.proofing;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import it.spidonly.keycloak.helpdesk.lifecycle.CredentialState;

/**
 * Help-desk users in Keycloak's user store: finding them by state and by document key (searchable attributes),
 * creating the pending user of a new proofing. Every read and write goes to the database through Keycloak.
 */
public final class HelpdeskUsers {
    private static final String USERNAME_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakSession session;
    private final RealmModel realm;

    public HelpdeskUsers(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The user of a proofing record, or empty when {@code id} is not a help-desk user of this realm. */
    public Optional<UserModel> byId(String id) {
        return Optional.ofNullable(id).map(i -> session.users().getUserById(realm, i)).filter(HelpdeskUsers::isHelpdeskUser);
    }

    public Stream<UserModel> byDocumentKey(String key) {
        return session.users().searchForUserByUserAttributeStream(realm, ProofingAttributes.DOCUMENT_KEY, key);
    }

    public Stream<UserModel> byState(CredentialState state) {
        return session.users().searchForUserByUserAttributeStream(realm, ProofingAttributes.STATE, state.name());
    }

    public Stream<UserModel> byExpiryDay(java.time.LocalDate day) {
        return session.users().searchForUserByUserAttributeStream(realm, ProofingAttributes.CREDENTIAL_EXPIRES_ON, day.toString());
    }

    public Optional<UserModel> byEmail(String email) {
        return Optional.ofNullable(session.users().getUserByEmail(realm, email));
    }

    public static boolean isHelpdeskUser(UserModel user) {
        return user != null && user.getFirstAttribute(ProofingAttributes.STATE) != null;
    }

    public static Optional<CredentialState> state(UserModel user) {
        try {
            return Optional.ofNullable(user.getFirstAttribute(ProofingAttributes.STATE)).map(CredentialState::valueOf);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static Optional<Instant> credentialExpiresAt(UserModel user) {
        return Optional.ofNullable(user.getFirstAttribute(ProofingAttributes.CREDENTIAL_EXPIRES_AT)).map(Instant::parse);
    }

    /** A new, disabled user carrying the proofing record, state PENDING; username {@code hd-} and 8 random letters. */
    public UserModel createPending(ValidProofing p, UserModel operator, Instant now) {
        UserModel user = session.users().addUser(realm, newUsername());
        user.setEnabled(false);
        user.setFirstName(p.givenNames());
        user.setLastName(p.surname());
        user.setEmail(p.email());
        user.setEmailVerified(true);
        user.setSingleAttribute("locale", p.locale());
        ProofingRecordWriter.write(user, p, operator, now);
        return user;
    }

    private String newUsername() {
        for (int attempt = 0; attempt < 10; attempt++) {
            StringBuilder b = new StringBuilder("hd-");
            for (int i = 0; i < 8; i++) {
                b.append(USERNAME_ALPHABET.charAt(RANDOM.nextInt(USERNAME_ALPHABET.length())));
            }
            if (session.users().getUserByUsername(realm, b.toString()) == null) {
                return b.toString();
            }
        }
        throw new IllegalStateException("No free help-desk username after 10 attempts");
    }
}
