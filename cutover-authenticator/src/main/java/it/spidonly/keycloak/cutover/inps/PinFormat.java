package it.spidonly.keycloak.cutover.inps;

import java.util.regex.Pattern;

/**
 * What an INPS PIN looks like before INPS is asked: 8 to 16 letters or digits (the ordinary PIN has 8, the
 * "PIN dispositivo" 16). Anything else is refused locally, so a typo never costs the person one of INPS's attempts.
 */
public final class PinFormat {
    private static final Pattern PIN = Pattern.compile("[A-Za-z0-9]{8,16}");

    private PinFormat() {
    }

    public static boolean isPlausible(String pin) {
        return pin != null && PIN.matcher(pin).matches();
    }
}
