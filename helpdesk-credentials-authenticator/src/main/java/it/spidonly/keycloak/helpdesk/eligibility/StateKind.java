package it.spidonly.keycloak.helpdesk.eligibility;

/** What an issuing-state or nationality code stands for (ICAO 9303 Part 3, 5: codes that are not plain ISO). */
public enum StateKind {
    /** An ISO 3166-1 state (or an ICAO variant of one: {@code D}, the British {@code GBD} ... {@code GBS}, Kosovo). */
    STATE,
    /** {@code EUE}: the EU laissez-passer. */
    EU_INSTITUTION,
    /** {@code XXA}, {@code XXB}, {@code XXC}, {@code XXX}: stateless, refugee, unspecified nationality. */
    NO_STATE,
    /** United Nations ({@code UNO}, {@code UNA}) and other organisations ({@code X..}). */
    ORGANISATION,
    /** {@code UTO}: Utopia, ICAO's fictitious specimen state. */
    SPECIMEN,
    UNKNOWN
}
