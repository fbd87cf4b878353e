package it.spidonly.keycloak.helpdesk.mrz;

/** The check digits of ICAO 9303 MRZs; the name is the rule id suffix ({@code helpdesk.mrz.check.<name>}). */
public enum MrzCheck {
    DOCUMENT_NUMBER("document-number"),
    BIRTH_DATE("birth-date"),
    EXPIRY_DATE("expiry-date"),
    OPTIONAL_DATA("optional-data"),
    COMPOSITE("composite");

    private final String id;

    MrzCheck(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The rule id and message key of a failed check. */
    public String ruleId() {
        return "helpdesk.mrz.check." + id;
    }
}
