package it.spidonly.keycloak.it.theme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (installed from npm by the integration-tests build into {@code target/axe}) run on the page the browser
 * shows: the WCAG 2.0/2.1 A and AA rules. {@link #seriousViolations} lists what axe rates serious or critical.
 */
final class Axe {
    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static String script;

    private Axe() {
    }

    /** One line per serious or critical violation: impact, rule id, help text and the first elements. */
    static List<String> seriousViolations(JavascriptExecutor browser) {
        browser.executeScript(script());
        Object result = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
                   .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                        targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ') }))))
                   .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), targets: '' }]));
                """, TAGS);
        List<String> serious = new ArrayList<>();
        for (Object item : (List<?>) result) {
            Map<?, ?> v = (Map<?, ?>) item;
            if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                serious.add(v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " [" + v.get("targets") + "]");
            }
        }
        return serious;
    }

    private static synchronized String script() {
        if (script == null) {
            Path file = Path.of(System.getProperty("axe.script", "target/axe/node_modules/axe-core/axe.min.js"));
            try {
                script = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core not installed at " + file + " (the build runs npm ci in target/axe)", e);
            }
        }
        return script;
    }
}
