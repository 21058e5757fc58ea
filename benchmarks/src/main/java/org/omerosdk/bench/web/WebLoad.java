package org.omerosdk.bench.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.core.Image;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.PixelSources;
import org.omerosdk.render.pyramid.OmeTiffExporter;
import org.omerosdk.sdk.DatabaseTarget;
import org.omerosdk.sdk.ImportResult;
import org.omerosdk.sdk.Lab;
import org.omerosdk.sdk.Rendering;
import org.omerosdk.sdk.Session;
import org.omerosdk.web.WebGateway;
import org.omerosdk.web.WebServer;

/**
 * {@code WORKDIR SIZE SECONDS CLIENTS}: our side of {@code benchmarks/run web}. Writes a SIZE² three-channel uint8
 * OME-TIFF with every halving level, imports it (ada, group readOnly of the shared {@link Lab} on H2), serves the
 * gateway on loopback and loads it with CLIENTS clients: random JPEG tiles at random levels, then thumbnails.
 */
public final class WebLoad {
    private WebLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int size = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        long t0 = System.nanoTime();
        Path tif = work.resolve("big.ome.tif");
        OmeTiffExporter.standard().write(new Pattern(size), "big", tif);
        System.err.printf(Locale.ROOT, "wrote %s (%d MiB) in %.1f s%n", tif, Files.size(tif) >> 20,
                (System.nanoTime() - t0) / 1e9);
        try (Lab lab = Lab.open(DatabaseTarget.H2, work.resolve("lab"))) {
            Image image;
            List<Rendering.Level> levels;
            Breakdown breakdown;
            try (Session ada = lab.login("ada")) {
                long t1 = System.nanoTime();
                ImportResult r = ada.withGroup(lab.group("readOnly")).imports().importFiles(List.of(tif));
                if (!r.ok()) {
                    throw new IllegalStateException("import failed: " + r.failures());
                }
                image = r.images().get(0);
                Files.delete(tif);
                // the imported settings read every plane once (channel minima and maxima): not part of the load
                ada.rendering().settings(image);
                System.err.printf(Locale.ROOT, "imported and measured in %.1f s%n", (System.nanoTime() - t1) / 1e9);
                levels = ada.rendering().levels(image);
                breakdown = Breakdown.measure(ada, image.id(), levels);
            }
            // the default gateway, and one without its tile cache (omero.sdk.web.tile_cache_mb=0): every tile
            // rendered and encoded, the cost of a viewer's first look at each tile
            OmeroConfig uncached = lab.sdk.config().with(ConfigKeys.SDK_WEB_TILE_CACHE_MB, "0");
            try (WebServer server = WebServer.start(WebGateway.of(lab.sdk), "127.0.0.1", 0);
                 WebServer bare = WebServer.start(WebGateway.of(lab.sdk, uncached), "127.0.0.1", 0)) {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                String cookie = login(client, server.uri());
                String bareCookie = login(client, bare.uri());
                String base = server.uri().getPath();
                long id = image.id();
                Function<SplittableRandom, String> tile = r -> {
                    int level = r.nextInt(levels.size());
                    Rendering.Level l = levels.get(level);
                    int x = r.nextInt((l.sizeX() + 255) / 256);
                    int y = r.nextInt((l.sizeY() + 255) / 256);
                    return base + "webgateway/render_image_region/" + id + "/0/0/?tile=" + level + "," + x + "," + y
                            + ",256,256&format=jpeg";
                };
                long distinct = levels.stream().mapToLong(l -> (long) ((l.sizeX() + 255) / 256)
                        * ((l.sizeY() + 255) / 256)).sum();
                int[] thumbSizes = {64, 96, 128, 160, 192, 256};
                Function<SplittableRandom, String> thumb = r -> base + "webgateway/render_thumbnail/" + id + "/"
                        + thumbSizes[r.nextInt(thumbSizes.length)] + "/";
                load(bare.uri(), bareCookie, tile, clients, 5);   // warm-up: JIT, connections, the reader's caches
                Result rendered = load(bare.uri(), bareCookie, tile, clients, seconds);
                Result tiles = load(server.uri(), cookie, tile, clients, seconds);
                Result thumbs = load(server.uri(), cookie, thumb, clients, seconds);
                System.out.println();
                System.out.printf(Locale.ROOT, "| %d² x 3 uint8, %d levels (%d distinct tiles), %d clients, %d s each,"
                        + " load avg %s | req/s | p50 ms | p99 ms | errors |%n", size, levels.size(), distinct,
                        clients, seconds, new String(Files.readAllBytes(Path.of("/proc/loadavg"))).split(" ")[0]);
                System.out.println("|---|---|---|---|---|");
                System.out.println(rendered.row("256² JPEG tiles, random level, every one rendered (tile cache off)"));
                System.out.println(tiles.row("256² JPEG tiles, random level, default gateway (tile cache on)"));
                System.out.println(thumbs.row("thumbnails, 6 sizes (render_thumbnail, cached after the first)"));
                System.out.println(breakdown.rows());
                System.out.println("OMERO.web was not run: it needs OMERO.server, Ice and Django, which cannot run"
                        + " on this machine.");
                System.out.printf(Locale.ROOT, "web: size=%d clients=%d seconds=%d tiles_s=%.0f tile_p50_ms=%.1f "
                                + "tile_p99_ms=%.1f rendered_tiles_s=%.0f rendered_tile_p50_ms=%.1f "
                                + "rendered_tile_p99_ms=%.1f thumbs_s=%.0f thumb_p50_ms=%.1f thumb_p99_ms=%.1f "
                                + "errors=%d omero_web=not_runnable %s load=%s%n", size, clients, seconds,
                        tiles.perSecond(), tiles.p(0.50), tiles.p(0.99), rendered.perSecond(), rendered.p(0.50),
                        rendered.p(0.99), thumbs.perSecond(), thumbs.p(0.50), thumbs.p(0.99),
                        tiles.errors + rendered.errors + thumbs.errors, breakdown.keys(),
                        new String(Files.readAllBytes(Path.of("/proc/loadavg"))).trim().replace(' ', '/'));
            }
        }
    }

    private static String login(HttpClient client, URI base) throws Exception {
        HttpResponse<String> token = client.send(HttpRequest.newBuilder(base.resolve("api/v0/token/")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = token.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("csrftoken="))
                .map(c -> c.substring("csrftoken=".length(), c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(base.resolve("api/v0/login/"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRFToken", csrf)
                .header("Cookie", "csrftoken=" + csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=ada&password=" + Lab.PASSWORD + "&server=1"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + login.body());
        }
        String session = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("sessionid="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        return session + "; csrftoken=" + csrf;
    }

    /**
     * Where a tile's time goes, measured in this JVM on one thread before the load (median of random tiles at random
     * levels): the session's one database read (the settings it is shown with), the SDK's render call (that read,
     * the pixels and the rendering), and the JPEG encoding. What a request costs beyond the sum is HTTP.
     */
    record Breakdown(double readUs, double renderUs, double jpegUs) {
        static Breakdown measure(Session s, long id, List<Rendering.Level> levels) {
            Image ref = org.omerosdk.model.meta.IObject.reference(Image.class, id);
            SplittableRandom r = new SplittableRandom(5);
            int n = 3000;
            long[] read = new long[n];
            long[] render = new long[n];
            long[] jpeg = new long[n];
            for (int round = 0; round < 2; round++) {   // the first round warms the JIT up
                for (int i = 0; i < n; i++) {
                    int level = r.nextInt(levels.size());
                    Rendering.Level l = levels.get(level);
                    int x = r.nextInt((l.sizeX() + 255) / 256) * 256;
                    int y = r.nextInt((l.sizeY() + 255) / 256) * 256;
                    org.omerosdk.render.Region region = new org.omerosdk.render.Region(level, 0, 0, x, y,
                            Math.min(256, l.sizeX() - x), Math.min(256, l.sizeY() - y));
                    long t0 = System.nanoTime();
                    s.rendering().settings(ref);
                    long t1 = System.nanoTime();
                    org.omerosdk.render.RenderedImage img = s.rendering().render(ref, region,
                            java.util.function.UnaryOperator.identity());
                    long t2 = System.nanoTime();
                    org.omerosdk.render.ImageEncoder.jpeg(img);
                    long t3 = System.nanoTime();
                    read[i] = t1 - t0;
                    render[i] = t2 - t1;
                    jpeg[i] = t3 - t2;
                }
            }
            return new Breakdown(median(read), median(render), median(jpeg));
        }

        private static double median(long[] ns) {
            long[] sorted = ns.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2] / 1e3;
        }

        String rows() {
            return String.format(Locale.ROOT, "Per tile on one thread, in process (median µs): session read %.0f,"
                    + " render call (read + pixels + rendering) %.0f, JPEG encoding %.0f.", readUs, renderUs, jpegUs);
        }

        String keys() {
            return String.format(Locale.ROOT, "read_us=%.0f render_call_us=%.0f jpeg_us=%.0f", readUs, renderUs,
                    jpegUs);
        }
    }

    record Result(long[] latenciesNs, int count, long errors, double seconds) {
        double perSecond() {
            return count / seconds;
        }

        double p(double q) {
            return count == 0 ? Double.NaN : latenciesNs[Math.min(count - 1, (int) (count * q))] / 1e6;
        }

        String row(String what) {
            return String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %d |", what, perSecond(), p(0.50),
                    p(0.99), errors);
        }
    }

    /**
     * {@code clients} threads sending requests back to back for {@code seconds}, each over its own keep-alive
     * HTTP/1.1 connection (as wrk or ab do: a load generator that costs the machine little, since it shares the two
     * cores with the server; java.net.http cost about a fifth of the CPU). A reply counts as an error unless it is a
     * 200 whose body is a JPEG. Every latency is kept.
     */
    private static Result load(URI base, String cookie, Function<SplittableRandom, String> next, int clients,
                               int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[clients];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            long[] lat = new long[1 << 20];
            perThread.add(lat);
            int index = i;
            SplittableRandom r = new SplittableRandom(17L * i + 1);
            Thread t = new Thread(() -> {
                int n = 0;
                Connection c = null;
                while (System.nanoTime() < end && n < lat.length) {
                    String path = next.apply(r);
                    long s = System.nanoTime();
                    try {
                        if (c == null) {
                            c = new Connection(base, cookie);
                        }
                        if (!c.getJpeg(path)) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        c = close(c);
                    }
                    lat[n++] = System.nanoTime() - s;
                }
                close(c);
                counts[index] = n;
            }, "load-" + i);
            threads.add(t);
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        double took = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < clients; i++) {
            System.arraycopy(perThread.get(i), 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        return new Result(all, total, errors.get(), took);
    }

    private static Connection close(Connection c) {
        if (c != null) {
            try {
                c.socket.close();
            } catch (IOException ignored) {
                // the next request opens a new connection
            }
        }
        return null;
    }

    /** One keep-alive HTTP/1.1 connection: GET, read the status line, headers and a Content-Length body. */
    private static final class Connection {
        final java.net.Socket socket;
        final java.io.OutputStream out;
        final java.io.InputStream in;
        final String host;
        final String cookie;
        byte[] body = new byte[1 << 16];

        Connection(URI base, String cookie) throws IOException {
            this.socket = new java.net.Socket(base.getHost(), base.getPort());
            socket.setTcpNoDelay(true);
            this.out = new java.io.BufferedOutputStream(socket.getOutputStream(), 2048);
            this.in = new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16);
            this.host = base.getHost() + ":" + base.getPort();
            this.cookie = cookie;
        }

        /** True when the reply is a 200 with a JPEG body. */
        boolean getJpeg(String path) throws IOException {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nCookie: " + cookie + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.flush();
            String status = line();
            int length = -1;
            for (String h = line(); !h.isEmpty(); h = line()) {
                if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(h.substring(15).trim());
                }
            }
            if (length < 0) {
                throw new IOException("no Content-Length in a reply to " + path);
            }
            if (body.length < length) {
                body = new byte[length];
            }
            if (in.readNBytes(body, 0, length) != length) {
                throw new IOException("the connection ended in a reply to " + path);
            }
            return status.startsWith("HTTP/1.1 200") && length > 2 && (body[0] & 0xFF) == 0xFF
                    && (body[1] & 0xFF) == 0xD8;
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("the connection ended");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }
    }

    /**
     * A SIZE² three-channel uint8 image computed from its coordinates (nothing held in memory), with every halving
     * level down to one tile: rings and a fine texture, so that JPEG tiles are of a realistic size.
     */
    static final class Pattern implements PixelSource {
        private final int size;
        private final int levels;

        Pattern(int size) {
            this.size = size;
            int n = 1;
            for (int s = size; s > 256; s = (s + 1) / 2) {
                n++;
            }
            this.levels = n;
        }

        @Override
        public PixelType pixelType() {
            return PixelType.UINT8;
        }

        @Override
        public int sizeZ() {
            return 1;
        }

        @Override
        public int sizeC() {
            return 3;
        }

        @Override
        public int sizeT() {
            return 1;
        }

        @Override
        public int levelCount() {
            return levels;
        }

        @Override
        public int sizeX(int level) {
            int s = size;
            for (int i = 0; i < level; i++) {
                s = (s + 1) / 2;
            }
            return s;
        }

        @Override
        public int sizeY(int level) {
            return sizeX(level);
        }

        @Override
        public void readRegion(int level, int z, int c, int t, int x, int y, int w, int h, ByteBuffer dst) {
            PixelSources.checkRegion(this, level, z, c, t, x, y, w, h);
            int f = 1 << level;
            int cx = size / 2 + (c - 1) * size / 8;
            int cy = size / 2;
            for (int row = 0; row < h; row++) {
                long yy = (long) (y + row) * f - cy;
                for (int col = 0; col < w; col++) {
                    long xx = (long) (x + col) * f - cx;
                    int ring = (int) (Math.sqrt(xx * xx + yy * yy) / (size / 64.0 + c * 8));
                    int texture = (int) (((x + col) * f ^ (y + row) * f) >> 3) & 31;
                    dst.put((byte) ((ring & 1) == 0 ? 200 + texture : 30 + texture));
                }
            }
        }
    }
}
