package it.spidonly.keycloak.cutover.inps;

/** Asks INPS whether a PIN belongs to a fiscal code. Implementations never log or keep the PIN. */
@FunctionalInterface
public interface InpsPinVerifier {
    InpsVerdict verify(String fiscalCode, String pin);
}
