package org.omerosdk.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.config.ConfigKey;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.core.Image;
import org.omerosdk.render.InMemoryPixelSource;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.pyramid.OmeTiffExporter;
import org.omerosdk.sdk.DatabaseTarget;
import org.omerosdk.sdk.ImportResult;
import org.omerosdk.sdk.Lab;
import org.omerosdk.sdk.Session;

/**
 * The gateway's tests' repository: omero-sdk's shared {@link Lab} (users, groups, the public user in
 * {@code published}) plus images of known pixels that {@code ada} imported through the pipeline — {@link #shared}
 * in readOnly (in dataset {@link #dataset} of project {@link #project}), {@link #hidden} in private (bob may not see
 * it), {@link #published} in published (the public user sees it). One per test class.
 */
final class WebLab implements AutoCloseable {
    final Path dir;
    final Lab lab;
    final InMemoryPixelSource pixels;
    final Image shared;
    final Image hidden;
    final Image published;
    final Project project;
    final Dataset dataset;

    private WebLab(Path dir) {
        this.dir = dir;
        this.lab = Lab.open(DatabaseTarget.H2, dir);
        this.pixels = knownPixels();
        Path tif = dir.resolve("known.ome.tif");
        OmeTiffExporter.standard().write(pixels, "known", tif);
        try (Session ada = lab.login("ada")) {
            shared = importInto(ada, "readOnly", tif);
            hidden = importInto(ada, "private", tif);
            published = importInto(ada, "published", tif);
            Session inReadOnly = ada.withGroup(lab.group("readOnly"));
            project = inReadOnly.containers().createProject("web project");
            dataset = inReadOnly.containers().createDataset(project, "web dataset");
            inReadOnly.containers().link(dataset, shared);
        }
    }

    static WebLab open() {
        try {
            return new WebLab(Files.createTempDirectory("omero-web-test"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code pixels} written as an OME-TIFF (256² tiles) and imported by ada into {@code group}. */
    Image importPixels(String group, PixelSource pixels, String name) {
        return importPixels("ada", group, pixels, name);
    }

    /** {@code pixels} written as an OME-TIFF (256² tiles) and imported by {@code user} into {@code group}. */
    Image importPixels(String user, String group, PixelSource pixels, String name) {
        Path tif = dir.resolve(name + ".ome.tif");
        OmeTiffExporter.standard().write(pixels, name, tif);
        try (Session s = lab.login(user)) {
            return importInto(s, group, tif);
        }
    }

    private Image importInto(Session s, String group, Path file) {
        ImportResult r = s.withGroup(lab.group(group)).imports().importFiles(List.of(file));
        assertTrue(r.ok(), () -> r.failures().toString());
        return r.images().get(0);
    }

    /** Two uint16 channels, three sections, 64×48 with a 32×24 level; each value a function of x, y, z, c. */
    static InMemoryPixelSource knownPixels() {
        int w = 64;
        int h = 48;
        InMemoryPixelSource.Builder b = InMemoryPixelSource.builder(PixelType.UINT16, w, h).sizeZ(3).sizeC(2)
                .addLevel(w / 2, h / 2);
        for (int level = 0; level < 2; level++) {
            int lw = w >> level;
            int lh = h >> level;
            for (int z = 0; z < 3; z++) {
                for (int c = 0; c < 2; c++) {
                    ByteBuffer plane = ByteBuffer.allocate(lw * lh * 2).order(ByteOrder.LITTLE_ENDIAN);
                    for (int y = 0; y < lh; y++) {
                        for (int x = 0; x < lw; x++) {
                            plane.putShort((short) ((x * 37 + y * 11 + z * 500 + c * 1000) % 4096));
                        }
                    }
                    b.plane(level, z, c, 0, plane.array());
                }
            }
        }
        return b.build();
    }

    /** A server for this lab's SDK with its configuration plus {@code keyValues} (omero.web.* for the gateway). */
    WebServer serve(Object... keyValues) {
        OmeroConfig web = lab.sdk.config();
        for (int i = 0; i < keyValues.length; i += 2) {
            web = web.with((ConfigKey) keyValues[i], (String) keyValues[i + 1]);
        }
        return WebServer.start(WebGateway.of(lab.sdk, web), "127.0.0.1", 0);
    }

    /** {@code name} logged in through {@code api/v0/login/} in {@code b}, as a browser does it. */
    static HttpResponse<byte[]> login(Browser b, String name, String password) {
        String token = Browser.json(b.get("/api/v0/token/")).get("data").asString();
        return b.post("/api/v0/login/", Browser.form("username", name, "password", password, "server", "1"),
                "X-CSRFToken", token);
    }

    @Override
    public void close() {
        lab.close();
    }
}
