package broadsheet.testing;

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
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless chromium per test class, driven through the system's {@code chromedriver}: Debian's
 * {@code chromium} and {@code chromium-driver} packages, never a driver or browser fetched at test time.
 * Register it as a static field with {@code @RegisterExtension}. Without the two programs the tests are
 * skipped, unless {@code BROADSHEET_REQUIRE_BROWSER} is set (as {@code .ci/run} does), when they fail.
 * Every test starts from the same browser: a blank page, no cookies, an empty cache and the desktop
 * viewport, whatever the test before it (of this class) left behind.
 * It knows nothing of the site: page objects in {@code broadsheet.e2e} do.
 */
public final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, TestWatcher {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /**
     * Selenium looks for DevTools bindings matching the browser's version when the driver starts and warns
     * when Debian's chromium is newer than the ones it ships. These tests use none; the logger is held here
     * so the quieter level is not lost when it is garbage-collected.
     */
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
    }

    /** The screens the reader site is checked on: a laptop, a common phone and the narrowest phone we support. */
    public enum Viewport {
        DESKTOP(1280, 900), PHONE(390, 844), SMALL_PHONE(360, 780);

        public final int width;
        public final int height;

        Viewport(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    /** Long enough for a cold chromium on a busy CI machine; waits end as soon as their condition holds. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    private ChromeDriverService service;
    private ChromeDriver driver;
    private Path profile;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        List<Path> missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(p -> !Files.isExecutable(p)).toList();
        if (!missing.isEmpty()) {
            String message = "Browser tests need " + missing + ": install Debian's chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver; .ci/run does this when they are missing)";
            if (System.getenv("BROADSHEET_REQUIRE_BROWSER") != null) throw new IllegalStateException(message);
            Assumptions.abort(message);
        }
        profile = Files.createTempDirectory("broadsheet-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        // The machine reaches nothing beyond loopback: without the background-networking switches chromium
        // waits on lookups for updates, sync and field trials before it answers the driver. Scrollbars are
        // hidden and the pixel ratio fixed so widths and the srcset choice are the same on every machine.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + profile);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // a window larger than every viewport, which the override then sets exactly
        driver.manage().window().setSize(new Dimension(1600, 1200));
        resize(Viewport.DESKTOP);
    }

    /**
     * Leaves the last test's page first, so nothing it scheduled (an autosave, a fetch) runs into this test,
     * then forgets every cookie and cached answer of every site: a session, a form token or a page kept from
     * the test before cannot decide what this one sees. Chromium's own commands do it, for every origin at
     * once; WebDriver's {@code deleteAllCookies} reaches only the current page's site.
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (driver == null) return;
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        resize(Viewport.DESKTOP);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) driver.quit();
        } finally {
            if (service != null) service.stop();
            if (profile != null) deleteTree(profile);
        }
    }

    /** Keeps what the browser showed when a test failed, next to the surefire reports. */
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) return;
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()
                + "-" + context.getDisplayName().replaceAll("[^A-Za-z0-9]+", "_");
        try {
            screenshot(name);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Waits until the page now shown has loaded completely, its scripts included: what a click on a button
     * that only a script handles needs. Call it once the page is known to be the new one.
     */
    public void awaitLoaded() {
        waiting().until(d -> "complete".equals(js("return document.readyState;")));
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    /**
     * Makes the page's viewport (what {@code innerWidth} and {@code innerHeight} report, and what media queries
     * see) exactly this size, by Chromium's own device-metrics override rather than by sizing the window: a
     * window's frame differs between machines, and the page reports a new window size only once it has laid
     * itself out again. Waits until the page reports the size.
     */
    public void resize(int width, int height) {
        resize(width, height, 1);
    }

    /** As {@link #resize(int, int)}, with this many device pixels to a CSS pixel (what {@code srcset} choices follow). */
    public void resize(int width, int height, double pixelRatio) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", pixelRatio, "mobile", false));
        waiting().withMessage("a " + width + " x " + height + " viewport")
                .until(d -> viewport().equals(new Dimension(width, height)));
    }

    public void resize(Viewport viewport) {
        resize(viewport.width, viewport.height);
    }

    public Dimension viewport() {
        List<?> size = (List<?>) js("return [window.innerWidth, window.innerHeight];");
        return new Dimension(((Number) size.get(0)).intValue(), ((Number) size.get(1)).intValue());
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves what the browser shows to {@code target/screenshots/NAME.png}. */
    public Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /**
     * Whether a page's element is gone because another page loaded. Chromium may answer "node does not belong
     * to the document" instead of "stale" while it navigates; both mean the same here.
     */
    public static ExpectedCondition<Boolean> gone(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) return true;
                throw e;
            }
        };
    }
}
