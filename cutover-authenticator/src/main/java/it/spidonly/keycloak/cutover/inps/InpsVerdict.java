package it.spidonly.keycloak.cutover.inps;

/** What INPS said about a fiscal code and PIN. */
public sealed interface InpsVerdict {
    /** The PIN is right: the person as INPS knows them (names may be null). */
    record Verified(String fiscalCode, String givenName, String familyName) implements InpsVerdict {
    }

    /** Wrong fiscal code or PIN. */
    record Refused() implements InpsVerdict {
    }

    /** The PIN exists but is blocked, revoked or expired at INPS. */
    record Blocked() implements InpsVerdict {
    }

    /** No usable answer (down, timeout, our key refused, not the protocol); {@code reason} is for the log only. */
    record Unavailable(String reason) implements InpsVerdict {
    }
}
