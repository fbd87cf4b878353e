package it.spidonly.keycloak.testsupport.idp;

/** A short page with a heading and one message, for 400 answers and the logout placeholder. */
final class MessagePage {

    private MessagePage() {
    }

    static String render(String heading, String message) {
        return Html.page("""
                <h1>%s</h1>
                <p id="message">%s</p>
                """.formatted(Html.escape(heading), Html.escape(message)));
    }
}
