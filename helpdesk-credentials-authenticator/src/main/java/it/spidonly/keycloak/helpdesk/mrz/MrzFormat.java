package it.spidonly.keycloak.helpdesk.mrz;

/** The MRZ layouts we read (ICAO 9303 Part 4: TD3 passports; Part 5: TD1 identity cards). */
public enum MrzFormat {
    TD3(2, 44),
    TD1(3, 30);

    final int lines;
    final int length;

    MrzFormat(int lines, int length) {
        this.lines = lines;
        this.length = length;
    }
}
