package it.spidonly.keycloak.testsupport.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with a fresh profile each time. The browser and driver
 * paths are always set ({@code -Dchromium.binary}, {@code -Dchromedriver.binary}; default
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}), so Selenium Manager never runs and
 * nothing is downloaded. Screenshots go to {@code ${test.output}/screenshots/}.
 */
public final class Chromium implements AutoCloseable {

    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension DESKTOP = new Dimension(1366, 900);

    private final Path profile;
    private final ChromeDriver driver;

    public Chromium() {
        this(null);
    }

    /**
     * A browser whose preferred language is {@code language} (e.g. {@code "it"} or {@code "en"}): it sends it in
     * {@code Accept-Language}, as a person's browser set to that language does. {@code null}: Chromium's default.
     */
    public Chromium(String language) {
        String binary = System.getProperty("chromium.binary", "/usr/bin/chromium");
        String driverBinary = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, driverBinary);
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a Chromium profile directory", e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(binary)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--disable-quic", "--user-data-dir=" + profile,
                        "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        if (language != null) {
            options.addArguments("--lang=" + language);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driverBinary))
                .usingAnyFreePort()
                .build();
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteProfile();
            throw e;
        }
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            windowSize(DESKTOP);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Makes the viewport (what the page and the screenshots see) exactly {@code size}, e.g. {@link #PHONE}
     * or {@link #DESKTOP}. Headless Chromium counts some invisible browser UI in the window size, so the
     * window is set, measured and corrected.
     */
    public Chromium windowSize(Dimension size) {
        driver.manage().window().setSize(size);
        Dimension viewport = viewport();
        if (!viewport.equals(size)) {
            driver.manage().window().setSize(new Dimension(2 * size.width - viewport.width,
                    2 * size.height - viewport.height));
        }
        return this;
    }

    /** The current viewport size in CSS pixels. */
    public Dimension viewport() {
        List<?> wh = (List<?>) driver.executeScript("return [window.innerWidth, window.innerHeight]");
        return new Dimension(((Number) wh.get(0)).intValue(), ((Number) wh.get(1)).intValue());
    }

    public Chromium open(String url) {
        driver.get(url);
        return this;
    }

    /** An explicit wait, as in {@code await(Duration.ofSeconds(30)).until(ExpectedConditions...)}. */
    public WebDriverWait await(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /** Saves the viewport as {@code ${test.output}/screenshots/NAME.png} and returns the file. */
    public Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("test.output", "target")).resolve("screenshots");
        Path file = dir.resolve(name.endsWith(".png") ? name : name + ".png");
        try {
            Files.createDirectories(dir);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save screenshot " + file, e);
        }
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        // a browser that is just exiting may still write a file or two: try again briefly
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
                return;
            } catch (IOException e) {
                if (!Files.exists(profile)) {
                    return;
                }
                if (attempt == 3) {
                    throw new UncheckedIOException("Cannot delete Chromium profile " + profile, e);
                }
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
