package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.store.BinaryStore;
import org.omerosdk.render.Region;
import org.omerosdk.s3.S3BinaryStore;
import org.omerosdk.s3.S3ProxyServer;

/**
 * {@code omero.sdk.binary_store} chooses the managed repository's store by configuration: {@code s3} puts the
 * originals, pyramids and thumbnails of an import into the bucket the {@code omero.sdk.s3.*} keys name (a real
 * s3proxy server), and a missing provider, a missing key or an unknown name fail the open clearly.
 */
class ConfiguredStoreTest {
    @Test
    void s3FromConfigurationKeysHoldsOriginalsAndPyramidsAcrossReopens(@TempDir Path dir) throws Exception {
        S3ProxyServer server = S3ProxyServer.shared();
        String bucket = "cfg-" + UUID.randomUUID().toString().substring(0, 12);
        try (S3BinaryStore direct = S3BinaryStore.builder().endpoint(server.endpoint()).bucket(bucket)
                .credentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY).build().createBucketIfMissing()) {
            Path png = dir.resolve("gradient.png");
            BufferedImage img = new BufferedImage(96, 80, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < 80; y++) {
                for (int x = 0; x < 96; x++) {
                    img.getRaster().setSample(x, y, 0, (x * 2 + y) & 0xff);
                }
            }
            ImageIO.write(img, "png", png.toFile());
            Path data = dir.resolve("data");
            long imageId;
            int[] rendered;
            try (OmeroSdk sdk = s3Sdk(data, server, bucket)) {
                Session root = sdk.rootSession();
                ImportResult r = root.imports().importFiles(List.of(png));
                assertTrue(r.ok(), () -> r.failures().toString());
                Image image = r.images().get(0);
                imageId = image.id();
                // a plane wider than omero.pixeldata.max_plane_width gets a pyramid, written to the same store
                assertTrue(root.rendering().levels(image).size() > 1, "a pyramid was built");
                rendered = root.rendering().render(image, new Region(1, 0, 0, 0, 0, 48, 40)).argb();
                root.rendering().thumbnail(image, 32);
            }
            List<String> keys = direct.list("");
            assertTrue(keys.stream().anyMatch(k -> k.endsWith("gradient.png")), "the original is in the bucket: "
                    + keys);
            assertTrue(keys.stream().anyMatch(k -> k.contains(".omero-pixels/") && k.endsWith(".zattrs")),
                    "the pyramid's metadata is in the bucket: " + keys);
            assertFalse(java.nio.file.Files.exists(data.resolve("ManagedRepository")),
                    "nothing in the data directory's filesystem repository");
            try (OmeroSdk again = s3Sdk(data, server, bucket)) {
                Image image = again.rootSession().images().get(imageId);
                assertArrayEquals(rendered, again.rootSession().rendering().render(image,
                        new Region(1, 0, 0, 0, 0, 48, 40)).argb(), "the pyramid reads back from the bucket");
            }
        }
    }

    private static OmeroSdk s3Sdk(Path data, S3ProxyServer server, String bucket) {
        return OmeroSdk.builder().dataDirectory(data).passwordHashIterations(1000)
                .rootPassword("root".toCharArray())
                .set(ConfigKeys.SDK_BINARY_STORE, "s3")
                .set(ConfigKeys.SDK_S3_ENDPOINT, server.endpoint().toString())
                .set(ConfigKeys.SDK_S3_BUCKET, bucket)
                .set(ConfigKeys.SDK_S3_PREFIX, "lab/repo")
                .set(ConfigKeys.SDK_S3_ACCESS_KEY, S3ProxyServer.ACCESS_KEY)
                .set(ConfigKeys.SDK_S3_SECRET_KEY, S3ProxyServer.SECRET_KEY)
                .set(ConfigKeys.PIXELDATA_MAX_PLANE_WIDTH, "64")
                .set(ConfigKeys.PIXELDATA_MAX_PLANE_HEIGHT, "64")
                .set(ConfigKeys.PIXELDATA_TILE_WIDTH, "32").set(ConfigKeys.PIXELDATA_TILE_HEIGHT, "32")
                .open();
    }

    @Test
    void aMissingBucketAndHalfCredentialsAreRefusedNamingTheKey(@TempDir Path dir) {
        ValidationException noBucket = assertThrows(ValidationException.class, () -> OmeroSdk.builder()
                .dataDirectory(dir.resolve("a")).set(ConfigKeys.SDK_BINARY_STORE, "s3").open());
        assertTrue(noBucket.getMessage().contains("omero.sdk.s3.bucket"), noBucket.getMessage());
        ValidationException half = assertThrows(ValidationException.class, () -> OmeroSdk.builder()
                .dataDirectory(dir.resolve("b")).set(ConfigKeys.SDK_BINARY_STORE, "s3")
                .set(ConfigKeys.SDK_S3_BUCKET, "x").set(ConfigKeys.SDK_S3_ACCESS_KEY, "only-this").open());
        assertTrue(half.getMessage().contains("omero.sdk.s3.secret_key"), half.getMessage());
        ValidationException badEndpoint = assertThrows(ValidationException.class, () -> OmeroSdk.builder()
                .dataDirectory(dir.resolve("c")).set(ConfigKeys.SDK_BINARY_STORE, "s3")
                .set(ConfigKeys.SDK_S3_BUCKET, "x").set(ConfigKeys.SDK_S3_ENDPOINT, "localhost:9000").open());
        assertTrue(badEndpoint.getMessage().contains("omero.sdk.s3.endpoint"), badEndpoint.getMessage());
    }

    @Test
    void anUnknownStoreNameListsTheAvailableOnes(@TempDir Path dir) {
        ValidationException e = assertThrows(ValidationException.class, () -> OmeroSdk.builder()
                .dataDirectory(dir).set(ConfigKeys.SDK_BINARY_STORE, "azure").open());
        assertTrue(e.getMessage().contains("\"azure\"") && e.getMessage().contains("filesystem, s3"),
                e.getMessage());
    }

    @Test
    void withoutOmeroS3TheErrorNamesTheArtifactToAdd(@TempDir Path dir) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            // the class path without omero-s3 (its jar, or its classes directories in a reactor build)
            if (!entry.contains("omero-s3") && !entry.contains("awssdk")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        try (URLClassLoader plugin = new URLClassLoader("no-s3", urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            Class<?> sdkClass = Class.forName(OmeroSdk.class.getName(), true, plugin);
            Object builder = sdkClass.getMethod("builder").invoke(null);
            Class<?> b = builder.getClass();
            b.getMethod("dataDirectory", Path.class).invoke(builder, dir);
            b.getMethod("config", Class.forName(org.omerosdk.model.config.OmeroConfig.class.getName(), true,
                    plugin)).invoke(builder, Class.forName(org.omerosdk.model.config.OmeroConfig.class.getName(),
                    true, plugin).getMethod("of", java.util.Map.class).invoke(null,
                    java.util.Map.of("omero.sdk.binary_store", "s3")));
            ClassLoader before = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(plugin);
            try {
                InvocationTargetException e = assertThrows(InvocationTargetException.class,
                        () -> b.getMethod("open").invoke(builder));
                assertEquals(ValidationException.class.getName(), e.getCause().getClass().getName());
                assertTrue(e.getCause().getMessage().contains("org.omerosdk:omero-s3"), e.getCause().getMessage());
            } finally {
                Thread.currentThread().setContextClassLoader(before);
            }
        }
        assertFalse(java.nio.file.Files.exists(dir.resolve("db")), "no database was created for a refused open");
    }

    @Test
    void omeroS3RegistersTheS3Provider() {
        // the provider SPI is found through ServiceLoader on this class path
        boolean s3 = false;
        for (BinaryStore.Provider p : java.util.ServiceLoader.load(BinaryStore.Provider.class)) {
            s3 |= p.name().equals("s3");
        }
        assertTrue(s3, "omero-s3 registers the provider s3");
    }
}
