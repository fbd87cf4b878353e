package it.spidonly.keycloak.oidcfed.login;

/** A login step refused the OP's answer; {@link #check()} is the id from {@link LoginChecks} (or {@code oidcfed.chain.*}). */
public class LoginRefused extends Exception {
    private final String check;

    public LoginRefused(String check, String message) {
        super(message);
        this.check = check;
    }

    public LoginRefused(String check, String message, Throwable cause) {
        super(message, cause);
        this.check = check;
    }

    public String check() {
        return check;
    }
}
