package it.spidonly.keycloak.oidcfed.trust;

/** No valid trust chain; {@link #check()} is the rule id of the failed check (message key and event detail). */
public class TrustChainException extends Exception {

    private final String check;

    public TrustChainException(String check, String message) {
        super(message);
        this.check = check;
    }

    public String check() {
        return check;
    }
}
