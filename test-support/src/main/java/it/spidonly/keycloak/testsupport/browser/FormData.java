package it.spidonly.keycloak.testsupport.browser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.jsoup.select.Elements;

/**
 * What a browser submits for a form (HTML "constructing the entry list"): enabled named controls,
 * checked checkboxes and radios, selected options, and only one submit button.
 */
final class FormData {

    private static final Set<String> BUTTON_TYPES = Set.of("submit", "image", "button", "reset");

    private FormData() {
    }

    /**
     * The form's entries, then {@code overrides} replacing same-named entries or appended. The submit
     * button sent is the one named in {@code overrides}, else the first one (what pressing Enter sends).
     */
    static List<Map.Entry<String, String>> entries(Element form, Map<String, String> overrides) {
        Elements controls = form instanceof FormElement f ? f.elements() : form.select("input, select, textarea, button");
        Element submitter = submitter(controls, overrides);
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (Element control : controls) {
            String name = control.attr("name");
            if (name.isEmpty() || control.hasAttr("disabled")) {
                continue;
            }
            String type = control.attr("type").toLowerCase(Locale.ROOT);
            if (isButton(control)) {
                if (control == submitter) {
                    entries.add(new SimpleEntry<>(name, control.val()));
                }
            } else if (type.equals("checkbox") || type.equals("radio")) {
                if (control.hasAttr("checked")) {
                    entries.add(new SimpleEntry<>(name, control.hasAttr("value") ? control.val() : "on"));
                }
            } else if (control.normalName().equals("select")) {
                selected(control).forEach(v -> entries.add(new SimpleEntry<>(name, v)));
            } else if (!type.equals("file")) {
                entries.add(new SimpleEntry<>(name, control.val()));
            }
        }
        overrides.forEach((name, value) -> replace(entries, name, value));
        return entries;
    }

    static String urlEncoded(List<Map.Entry<String, String>> entries) {
        return entries.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static Element submitter(Elements controls, Map<String, String> overrides) {
        Element first = null;
        for (Element control : controls) {
            boolean submits = isButton(control) && !control.hasAttr("disabled")
                    && !List.of("button", "reset").contains(control.attr("type").toLowerCase(Locale.ROOT));
            if (submits && overrides.containsKey(control.attr("name"))) {
                return control;
            }
            if (submits && first == null) {
                first = control;
            }
        }
        return first;
    }

    private static boolean isButton(Element control) {
        return control.normalName().equals("button")
                || BUTTON_TYPES.contains(control.attr("type").toLowerCase(Locale.ROOT));
    }

    private static List<String> selected(Element select) {
        Elements options = select.select("option[selected]");
        if (options.isEmpty() && !select.hasAttr("multiple") && select.selectFirst("option") != null) {
            options = new Elements(select.selectFirst("option"));
        }
        return options.stream().map(o -> o.hasAttr("value") ? o.attr("value") : o.text()).toList();
    }

    private static void replace(List<Map.Entry<String, String>> entries, String name, String value) {
        int at = -1;
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).getKey().equals(name)) {
                entries.remove(i);
                at = i;
            }
        }
        entries.add(at < 0 ? entries.size() : at, new SimpleEntry<>(name, value));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
