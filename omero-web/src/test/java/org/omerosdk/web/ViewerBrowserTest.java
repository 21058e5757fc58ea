package org.omerosdk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omerosdk.importer.ExternalTool;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.core.Image;
import org.omerosdk.render.InMemoryPixelSource;
import org.omerosdk.sdk.Lab;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The viewer page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, driven by
 * Selenium without Selenium Manager: there is no network): the login page, tiles drawn on the viewer's canvas and
 * every tile request answered 200, Z and channel controls changing the tiles, a denied image shown exactly as a
 * missing one, and the public user. Leaves {@code target/web-viewer.png}, the screenshot in docs/web.md.
 */
class ViewerBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static WebLab lab;
    static WebServer server;
    /** 1024 x 768, three channels, two sections, levels of 512 x 384 and 256 x 192: several tiles per level. */
    static Image big;
    WebDriver driver;
    Path profile;

    @BeforeAll
    static void open() {
        ExternalTool.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromedriver (Debian packages chromium and chromium-driver, "
                        + ".ci/install-test-tools installs them)");
        lab = WebLab.open();
        big = lab.importPixels("published", bigPixels(), "big");
        // the public user may open viewers and their tiles, nothing else
        server = lab.serve(ConfigKeys.WEB_PUBLIC_URL_FILTER,
                "^/(webclient/img_detail|webgateway/(render_image_region|imgData)|static)/");
    }

    @AfterAll
    static void close() {
        if (server != null) {
            server.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @BeforeEach
    void startBrowser() throws Exception {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("omero-web-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1200,860", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static InMemoryPixelSource bigPixels() {
        int w = 1024;
        int h = 768;
        InMemoryPixelSource.Builder b = InMemoryPixelSource.builder(PixelType.UINT8, w, h).sizeC(3).sizeZ(2)
                .addLevel(w / 2, h / 2).addLevel(w / 4, h / 4);
        for (int level = 0; level < 3; level++) {
            int lw = w >> level;
            int lh = h >> level;
            double f = 1 << level;
            for (int z = 0; z < 2; z++) {
                for (int c = 0; c < 3; c++) {
                    ByteBuffer plane = ByteBuffer.allocate(lw * lh).order(ByteOrder.LITTLE_ENDIAN);
                    for (int y = 0; y < lh; y++) {
                        for (int x = 0; x < lw; x++) {
                            // rings around a centre per channel; the second section is their negative
                            double dx = x * f - 300 - c * 200;
                            double dy = y * f - 384 + (c - 1) * 120;
                            double v = 127.5 + 127.5 * Math.cos(Math.sqrt(dx * dx + dy * dy) / (18 + 6 * c));
                            plane.put((byte) (z == 0 ? v : 255 - v));
                        }
                    }
                    b.plane(level, z, c, 0, plane.array());
                }
            }
        }
        return b.build();
    }

    private String url(String path) {
        return server.uri().resolve(path).toString();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void login(String user) {
        driver.get(url("/webclient/login/"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(Lab.PASSWORD);
        driver.findElement(By.id("submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("message")).getText()
                .startsWith("Logged in as"));
    }

    /** Waits until the viewer has loaded tiles and has none pending. */
    private void tilesDrawn() {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(js(
                    "const v = window.omeroViewer; return !!v && v.state.tilesLoaded > 0"
                            + " && v.viewer.world.getItemCount() > 0 && v.viewer.world.getItemAt(0).getFullyLoaded();")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the viewer drew no tiles: " + js("return JSON.stringify({viewer: "
                    + "!!window.omeroViewer, state: window.omeroViewer && window.omeroViewer.state, requests: "
                    + "performance.getEntriesByType('resource').map(r => r.name + ' ' + r.responseStatus)});")
                    + "\n" + driver.getPageSource().substring(0, Math.min(3000, driver.getPageSource().length())), e);
        }
    }

    /** How many of the viewer canvas's pixels are not black. */
    private long litPixels() {
        return ((Number) js("const c = window.omeroViewer.viewer.drawer.canvas;"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + "for (let i = 0; i < d.length; i += 4) { if (d[i] + d[i + 1] + d[i + 2] > 30) n++; } return n;"))
                .longValue();
    }

    /** The status of every tile request the page made so far (Resource Timing's responseStatus). */
    @SuppressWarnings("unchecked")
    private List<Number> tileStatuses() {
        return (List<Number>) js("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/webgateway/render_image_region/')).map(e => e.responseStatus);");
    }

    @Test
    void aViewerNeedsALoginAndTheLoginPageReturnsToIt() {
        Image shared = lab.shared;
        // a server whose public user may open nothing (OMERO's default filter)
        try (WebServer closed = lab.serve()) {
            loginAndReturn(closed, shared);
        }
    }

    private void loginAndReturn(WebServer closed, Image shared) {
        driver.get(closed.uri().resolve("/webclient/img_detail/" + shared.id() + "/").toString());
        assertTrue(driver.getCurrentUrl().contains("/webclient/login/?url="), driver.getCurrentUrl());
        driver.findElement(By.id("username")).sendKeys("ada");
        driver.findElement(By.id("password")).sendKeys("wrong");
        driver.findElement(By.id("submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElement(By.id("message")).getText()
                .isEmpty());
        assertEquals(lab.lab.sdk.config().get(ConfigKeys.WEB_LOGIN_INCORRECT_CREDENTIALS_TEXT),
                driver.findElement(By.id("message")).getText());
        driver.findElement(By.id("password")).clear();
        driver.findElement(By.id("password")).sendKeys(Lab.PASSWORD);
        driver.findElement(By.id("submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith(
                "/webclient/img_detail/" + shared.id() + "/"));
        tilesDrawn();
        assertTrue(driver.findElement(By.id("who")).getText().startsWith("ada"));
    }

    @Test
    void theViewerDrawsTilesOfTheGatewayAndEveryTileAnswers200() throws Exception {
        login("ada");
        driver.get(url("/webclient/img_detail/" + big.id() + "/"));
        tilesDrawn();
        assertEquals("big", driver.findElement(By.id("name")).getText());
        assertTrue(litPixels() > 100_000, () -> "lit pixels: " + litPixels());
        List<Number> statuses = tileStatuses();
        assertTrue(statuses.size() >= 2, statuses::toString);
        assertTrue(statuses.stream().allMatch(s -> s.intValue() == 200), statuses::toString);
        assertEquals(0L, ((Number) js("return window.omeroViewer.state.tilesFailed;")).longValue());
        Path shot = Path.of("target/web-viewer.png");
        Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        assertTrue(Files.size(shot) > 10_000);
    }

    @Test
    void theZSliderAndAChannelToggleAskForOtherTiles() {
        login("ada");
        driver.get(url("/webclient/img_detail/" + big.id() + "/"));
        tilesDrawn();
        String before = (String) js("return window.omeroViewer.viewer.drawer.canvas.toDataURL();");
        // OMERO's default section is the middle one (the second of two): move to the first
        assertEquals("2/2", driver.findElement(By.id("z-value")).getText());
        js("const z = document.getElementById('z'); z.value = 0; z.dispatchEvent(new Event('input'));");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> tileStatuses().size() > 0 && Boolean.TRUE
                .equals(js("return performance.getEntriesByType('resource').some(e => "
                        + "e.name.includes('/render_image_region/" + big.id() + "/0/0/'));")));
        tilesDrawn();
        assertEquals("1/2", driver.findElement(By.id("z-value")).getText());
        driver.findElement(By.id("channel-0")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(js(
                "return performance.getEntriesByType('resource').some(e => e.name.includes('c=-1%7C'));")));
        tilesDrawn();
        String after = (String) js("return window.omeroViewer.viewer.drawer.canvas.toDataURL();");
        assertNotEquals(before, after);
        assertTrue(tileStatuses().stream().allMatch(s -> s.intValue() == 200), () -> tileStatuses().toString());
    }

    @Test
    void anImageTheUserMayNotSeeShowsExactlyAsAMissingOne() {
        login("bob");
        long missing = lab.hidden.id() + 100_000;
        driver.get(url("/webclient/img_detail/" + lab.hidden.id() + "/"));
        String hidden = driver.findElement(By.tagName("body")).getText();
        driver.get(url("/webclient/img_detail/" + missing + "/"));
        String absent = driver.findElement(By.tagName("body")).getText();
        assertEquals(absent.replace(Long.toString(missing), "ID"), hidden.replace(Long.toString(lab.hidden.id()),
                "ID"));
        assertTrue(hidden.contains("not found"), hidden);
        Browser bob = new Browser(server.uri());
        WebLab.login(bob, "bob", Lab.PASSWORD);
        HttpResponse<byte[]> h = bob.get("/webclient/img_detail/" + lab.hidden.id() + "/");
        HttpResponse<byte[]> m = bob.get("/webclient/img_detail/" + missing + "/");
        assertEquals(404, h.statusCode());
        assertEquals(404, m.statusCode());
        assertEquals(Browser.text(m).replace(Long.toString(missing), "ID"),
                Browser.text(h).replace(Long.toString(lab.hidden.id()), "ID"));
    }

    @Test
    void thePublicUserSeesPublishedImagesWithoutALogin() {
        driver.get(url("/webclient/img_detail/" + big.id() + "/"));
        tilesDrawn();
        assertEquals("public user", driver.findElement(By.id("who")).getText());
        assertTrue(litPixels() > 100_000);
        // an image outside the public user's groups: the 404 page, not a login
        driver.get(url("/webclient/img_detail/" + lab.shared.id() + "/"));
        assertTrue(driver.findElement(By.tagName("body")).getText().contains("not found"));
        assertTrue(driver.getCurrentUrl().contains("/img_detail/"));
    }
}
