package it.spidonly.keycloak.testsupport.idp;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The test IdP login page: who asks and for which SPID level, a username/password form with Log in and Cancel
 * (Cancel answers the SP with SPID ErrorCode nr25), and the table of test users so that a newcomer can log in.
 */
final class LoginPage {

    private final List<TestUser> users;
    private final String title;
    private final String action;

    LoginPage(List<TestUser> users) {
        this(users, "SPID test IdP", "/login");
    }

    /** A login page titled {@code title} whose form posts to {@code action} (the CIE mode's is {@code /cie/login}). */
    LoginPage(List<TestUser> users, String title, String action) {
        this.users = users;
        this.title = title;
        this.action = action;
    }

    String render(String reference, ReceivedAuthnRequest request, String error) {
        String level = request.authnContextClassRef() == null ? "no SPID level"
                : request.authnContextClassRef() + " (comparison " + (request.comparison() == null ? "exact" : request.comparison()) + ")";
        String alert = error == null ? "" : "<p role=\"alert\" id=\"error\">" + Html.escape(error) + "</p>\n";
        return Html.page("""
                <h1>%s</h1>
                <p>Service provider <strong id="sp">%s</strong> asks for <strong id="level">%s</strong>.</p>
                %s<form method="post" action="%s">
                <input type="hidden" name="request" value="%s">
                <label for="username">Username</label>
                <input id="username" name="username" autocomplete="username" required>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <div>
                <button type="submit" id="login" name="action" value="login">Log in</button>
                <button type="submit" id="cancel" name="action" value="cancel" formnovalidate>Cancel</button>
                </div>
                </form>
                %s
                """.formatted(Html.escape(title), Html.escape(request.issuer()), Html.escape(level), alert, Html.escape(action),
                        Html.escape(reference), usersTable()));
    }

    private String usersTable() {
        String rows = users.stream().map(user -> "<tr><td>%s</td><td>%s</td><td>SpidL%d</td><td>%s</td></tr>".formatted(
                Html.escape(user.username()), Html.escape(user.password()), user.spidLevel(),
                Html.escape(user.attribute("fiscalNumber")))).collect(Collectors.joining("\n"));
        return """
                <table id="users">
                <caption>Test users (public demo credentials)</caption>
                <thead><tr><th scope="col">Username</th><th scope="col">Password</th><th scope="col">Highest level</th><th scope="col">Fiscal number</th></tr></thead>
                <tbody>
                %s
                </tbody>
                </table>
                """.formatted(rows);
    }
}
