package it.spidonly.keycloak.cutover.registration;

/** The message of a refused self-registration (it, en; parameter {0}: the cutover date). */
final class RegistrationRefusal {
    static final String MSG_REGISTRATION_REFUSED = "cutoverRegistrationRefused";

    private RegistrationRefusal() {
    }
}
