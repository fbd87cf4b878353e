package it.spidonly.keycloak.testsupport.inps;

/** A person the fake INPS knows: fiscal code (upper case), PIN, names, and whether the PIN is blocked. */
public record InpsPerson(String fiscalCode, String pin, String givenName, String familyName, boolean blocked) {
    public static InpsPerson of(String fiscalCode, String pin, String givenName, String familyName) {
        return new InpsPerson(fiscalCode, pin, givenName, familyName, false);
    }

    public InpsPerson withBlockedPin() {
        return new InpsPerson(fiscalCode, pin, givenName, familyName, true);
    }
}
