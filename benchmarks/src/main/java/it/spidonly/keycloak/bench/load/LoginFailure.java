package it.spidonly.keycloak.bench.load;

/** A login that did not end with tokens; {@code step} names where it stopped (counted per step in the report). */
public final class LoginFailure extends RuntimeException {
    private final String step;

    public LoginFailure(String step, String message) {
        super(step + ": " + message);
        this.step = step;
    }

    public LoginFailure(String step, String message, Throwable cause) {
        super(step + ": " + message, cause);
        this.step = step;
    }

    public String step() {
        return step;
    }
}
