package it.spidonly.keycloak.cutover.settings;

/** Where a realm stands with respect to its SPID-only cutover at a given moment. */
public enum CutoverPhase {
    /** No cutover in this realm, or its switch is off: the legacy methods work and no notice is shown. */
    OFF,
    /** Before the instant: the legacy methods work and their pages announce the date. */
    BEFORE,
    /** From the instant on: every legacy credential is refused. */
    PASSED;

    public boolean refusesLegacyCredentials() {
        return this == PASSED;
    }

    public boolean announces() {
        return this != OFF;
    }
}
