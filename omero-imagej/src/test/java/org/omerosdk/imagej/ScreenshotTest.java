package org.omerosdk.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.Menus;
import ij.WindowManager;
import ij.gui.ImageCanvas;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.core.Image;

/**
 * ImageJ with its windows, on an X server (surefire's "under-xvfb" execution runs this JVM under xvfb-run): the
 * plugin's menu command opens an image, and what the screen shows of it is compared with a golden
 * image, pixel for pixel. ImageJ finds the plugin as Fiji would, from a jar with its plugins.config in the plugins
 * folder.
 */
class ScreenshotTest {
    /** The golden image of the canvas; {@code -Dgolden.update=true} writes it from this run instead. */
    static final String GOLDEN = "/golden/open-image-through-the-menu.png";

    @TempDir
    static Path tmp;
    static TestRepository repo;
    static ImageJ ij;

    @BeforeAll
    static void startImageJ() throws Exception {
        assertNotNull(System.getenv("DISPLAY"), "surefire's under-xvfb execution runs this JVM under xvfb-run");
        assertTrue(!GraphicsEnvironment.isHeadless(), "this test needs a JVM that is not headless");
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        pluginJar(plugins.resolve("omero_sdk_ij.jar"));
        System.setProperty("plugins.dir", tmp.toString());
        repo = TestRepository.open(tmp);
        ij = new ImageJ(ImageJ.NO_SHOW | ImageJ.EMBEDDED);   // embedded: quitting does not exit the JVM
    }

    @AfterAll
    static void stop() {
        if (repo != null) {
            repo.close();
        }
        if (ij != null) {
            // not ij.quit() or dispose(): ImageJ's quitting ends the JVM, and surefire's fork with it
            ij.setVisible(false);
        }
    }

    /** A jar holding only plugins.config: ImageJ reads the menu from it; the classes are on the class path. */
    static void pluginJar(Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
             InputStream config = ScreenshotTest.class.getResourceAsStream("/plugins.config")) {
            j.putNextEntry(new JarEntry("plugins.config"));
            config.transferTo(j);
            j.closeEntry();
        }
    }

    @Test
    void theMenuCommandOpensTheImageAndTheScreenShowsItAsTheGoldenImage() throws Exception {
        Image image = repo.importImage(repo.root, TestRepository.knownHyperstack("screenshot", 16, 160, 120, 2, 2, 1));
        assertTrue(Menus.getCommands().containsKey("Open Image..."), "the plugin's menu is installed");
        IJ.run("Open Image...", "image=" + image.id());
        ImagePlus imp = null;
        for (int i = 0; i < 200; i++) {
            imp = WindowManager.getCurrentImage();
            if (imp != null && imp.getWindow() != null && imp.getWindow().isShowing()) {
                break;
            }
            Thread.sleep(50);
        }
        assertNotNull(imp, "no image window opened");
        assertEquals(String.valueOf(image.id()), String.valueOf(imp.getProp(ImageOpener.ID)));
        ImageCanvas canvas = imp.getCanvas();
        assertEquals(1.0, canvas.getMagnification(), "shown at 100%");
        Robot robot = new Robot();
        robot.waitForIdle();
        Thread.sleep(500);   // the window manager-less X server maps the window; ImageJ paints
        robot.waitForIdle();
        Point at = canvas.getLocationOnScreen();
        BufferedImage shot = robot.createScreenCapture(new Rectangle(at.x, at.y, imp.getWidth(), imp.getHeight()));
        BufferedImage window = robot.createScreenCapture(imp.getWindow().getBounds());
        Path out = Files.createDirectories(Path.of("target", "screenshots"));
        ImageIO.write(shot, "png", out.resolve("canvas.png").toFile());
        ImageIO.write(window, "png", out.resolve("window.png").toFile());

        // what ImageJ means to draw (the composite through the LUTs and display ranges the plugin set) is on screen
        assertSameImage(imp.getBufferedImage(), shot, "the screen against ImageJ's own rendering");
        if (Boolean.getBoolean("golden.update")) {
            Path golden = Path.of("src/test/resources" + GOLDEN);
            ImageIO.write(shot, "png", golden.toFile());
        }
        BufferedImage golden;
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            assertNotNull(in, GOLDEN + " is missing: run this test once with -Dgolden.update=true");
            golden = ImageIO.read(in);
        }
        assertSameImage(golden, shot, "the screen against the golden image " + GOLDEN + " (this run's is in "
                + out.resolve("canvas.png").toAbsolutePath() + ")");
        imp.close();
    }

    private static void assertSameImage(BufferedImage expected, BufferedImage actual, String what) {
        assertEquals(expected.getWidth() + "x" + expected.getHeight(), actual.getWidth() + "x" + actual.getHeight(),
                what);
        int differ = 0;
        String first = null;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int e = expected.getRGB(x, y) & 0xFFFFFF;
                int a = actual.getRGB(x, y) & 0xFFFFFF;
                if (e != a) {
                    differ++;
                    if (first == null) {
                        first = String.format("(%d,%d) %06x, expected %06x", x, y, a, e);
                    }
                }
            }
        }
        assertEquals(0, differ, what + ": " + differ + " pixels differ, the first at " + first);
    }
}
