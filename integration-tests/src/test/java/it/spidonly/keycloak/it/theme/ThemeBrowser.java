package it.spidonly.keycloak.it.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import it.spidonly.keycloak.testsupport.browser.Chromium;

/** Headless Chromium in one language, with what the theme tests do on a page: look, press keys, record. */
final class ThemeBrowser implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final int MAX_TABS = 40;

    final String language;
    final Chromium chromium;

    ThemeBrowser(String language) {
        this.language = language;
        this.chromium = new Chromium(language);
    }

    ChromeDriver driver() {
        return chromium.driver();
    }

    ThemeBrowser size(Dimension size) {
        chromium.windowSize(size);
        return this;
    }

    /** Opens the URL and waits until the page (and its scripts) have loaded. */
    ThemeBrowser open(String url) {
        driver().get(url);
        awaitLoaded();
        return this;
    }

    void awaitLoaded() {
        chromium.await(WAIT).until(d -> "complete".equals(driver().executeScript("return document.readyState")));
    }

    WebElement byId(String id) {
        return chromium.await(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    boolean exists(String cssSelector) {
        return !driver().findElements(By.cssSelector(cssSelector)).isEmpty();
    }

    List<String> attributes(String cssSelector, String attribute) {
        return driver().findElements(By.cssSelector(cssSelector)).stream().map(e -> e.getAttribute(attribute)).toList();
    }

    /** The aliases in the SPID button's list, in the order the page shows them. */
    List<String> spidButtonOrder() {
        return attributes("#spid-idp-list a[data-idp-alias]", "data-idp-alias");
    }

    WebElement focused() {
        return driver().switchTo().activeElement();
    }

    void press(CharSequence key) {
        new Actions(driver()).sendKeys(key).perform();
    }

    /** Presses Tab until the focused element is the one with this id (or data-idp-alias); fails after 40 presses. */
    WebElement tabTo(String idOrAlias) {
        for (int i = 0; i < MAX_TABS; i++) {
            press(Keys.TAB);
            WebElement focused = focused();
            if (idOrAlias.equals(focused.getAttribute("id")) || idOrAlias.equals(focused.getAttribute("data-idp-alias"))) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached " + idOrAlias + " on " + driver().getCurrentUrl());
    }

    /** Types text into the focused field, key by key. */
    void type(String text) {
        press(text);
    }

    String htmlLang() {
        return driver().findElement(By.tagName("html")).getAttribute("lang");
    }

    /**
     * Saves the screenshot {@code theme-NAME-LANG-WIDTH}, and checks what must hold on every page at every width:
     * no sideways scrolling, and no serious or critical WCAG 2.1 A/AA violation according to axe-core.
     */
    void record(String name) {
        Dimension viewport = chromium.viewport();
        String width = viewport.width < 600 ? "phone" : "desktop";
        chromium.screenshot("theme-" + name + "-" + language + "-" + width);
        Number scrollWidth = (Number) driver().executeScript("return document.documentElement.scrollWidth");
        assertTrue(scrollWidth.intValue() <= viewport.width,
                () -> name + " (" + language + ", " + width + ") scrolls sideways: " + scrollWidth + " > " + viewport.width);
        List<String> violations = Axe.seriousViolations(driver());
        assertEquals(List.of(), violations, () -> "axe-core on " + name + " (" + language + ", " + width + ")");
    }

    @Override
    public void close() {
        chromium.close();
    }
}
