package org.omerosdk.bench.render;

import ij.process.ImageProcessor;
import ij.process.LUT;
import ij.process.ShortProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.render.ChannelSettings;
import org.omerosdk.render.InMemoryPixelSource;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.RenderedImage;
import org.omerosdk.render.Renderer;
import org.omerosdk.render.RenderingSettings;
import org.omerosdk.render.Thumbnails;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same 1024x1024 pixels and display ranges rendered three ways, single-threaded: this SDK's renderer, ImageJ
 * 1.x compositing a 3-channel 16-bit image (each channel's {@code ShortProcessor.updateComposite}, the kernel
 * {@code CompositeImage.updateImage} runs in composite mode), and a per-pixel double-arithmetic statement of
 * OMERO's algorithm ({@link OmeroReference}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class RenderBenchmark {
    static final int SIZE = 1024;
    static final int N = SIZE * SIZE;
    static final double[][] WINDOWS = {{500, 30000}, {1000, 40000}, {200, 20000}};
    static final int[][] COLORS = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}};

    short[][] planes16;
    byte[] plane8;
    Object[] ours3;
    Object[] oursGrey16;
    Object[] oursGrey8;
    RenderingSettings colour;
    RenderingSettings overlapping;
    RenderingSettings grey16;
    RenderingSettings grey8;
    Renderer renderer;
    Renderer parallelRenderer;
    int[] out;
    ShortProcessor[] ij;
    int[] ijOut;
    PixelSource thumbSource;
    RenderingSettings thumbSettings;
    Thumbnails thumbnails;
    volatile long thumbId;
    org.omerosdk.render.Region region;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        planes16 = new short[3][N];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < N; i++) {
                int x = i % SIZE;
                int y = i / SIZE;
                // a smooth field with noise: realistic, and it defeats branch prediction on the window tests
                planes16[c][i] = (short) Math.min(65535, (x * 23 + y * 17 + c * 5000) % 45000 + r.nextInt(2000));
            }
        }
        plane8 = new byte[N];
        for (int i = 0; i < N; i++) {
            plane8[i] = (byte) r.nextInt(256);
        }
        List<ChannelSettings> cs = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            cs.add(ChannelSettings.of(PixelType.UINT16, Rgba.of(COLORS[c][0], COLORS[c][1], COLORS[c][2]))
                    .withWindow(WINDOWS[c][0], WINDOWS[c][1]));
        }
        colour = RenderingSettings.of(cs);
        // magenta, yellow and cyan share components, so sums can pass 255 and every pixel is clamped
        int[][] secondaries = {{255, 0, 255}, {255, 255, 0}, {0, 255, 255}};
        List<ChannelSettings> over = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            over.add(cs.get(c).withColor(Rgba.of(secondaries[c][0], secondaries[c][1], secondaries[c][2])));
        }
        overlapping = RenderingSettings.of(over);
        grey16 = RenderingSettings.of(List.of(cs.get(0))).withModel(RenderingSettings.Model.GREYSCALE);
        grey8 = RenderingSettings.of(List.of(ChannelSettings.of(PixelType.UINT8, Rgba.of(255, 255, 255))
                .withWindow(10, 240))).withModel(RenderingSettings.Model.GREYSCALE);
        ours3 = new Object[] {planes16[0], planes16[1], planes16[2]};
        oursGrey16 = new Object[] {planes16[0]};
        oursGrey8 = new Object[] {plane8};
        renderer = Renderer.singleThreaded();
        parallelRenderer = Renderer.create();
        out = new int[N];

        ij = new ShortProcessor[3];
        for (int c = 0; c < 3; c++) {
            ij[c] = new ShortProcessor(SIZE, SIZE, planes16[c], null);
            ij[c].setLut(LUT.createLutFromColor(new java.awt.Color(COLORS[c][0], COLORS[c][1], COLORS[c][2])));
            ij[c].setMinAndMax(WINDOWS[c][0], WINDOWS[c][1]);
        }
        ijOut = new int[N];

        InMemoryPixelSource.Builder b = InMemoryPixelSource.builder(PixelType.UINT16, SIZE, SIZE).sizeC(3);
        for (int c = 0; c < 3; c++) {
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(N * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            bb.asShortBuffer().put(planes16[c]);
            b.plane(0, 0, c, 0, bb.array());
        }
        thumbSource = b.build();
        thumbSettings = colour;
        region = org.omerosdk.render.Region.plane(thumbSource, 0, 0, 0);
        thumbnails = Thumbnails.create(Renderer.singleThreaded(), OmeroConfig.defaults());
    }

    @Benchmark
    public int[] ours3ChannelUint16() {
        renderer.renderPlanes(PixelType.UINT16, ours3, N, colour, out);
        return out;
    }

    /** Colours that share components: the clamping kernel (the summary line reports the primaries above). */
    @Benchmark
    public int[] ours3ChannelUint16Overlapping() {
        renderer.renderPlanes(PixelType.UINT16, ours3, N, overlapping, out);
        return out;
    }

    /**
     * The path users call: {@code Renderer.render(PixelSource, settings, region, out)} reading the source's bytes in
     * bands into the renderer's reused arrays (the kernel row above starts from planes already in memory).
     */
    @Benchmark
    public RenderedImage oursSessionPath3ChannelUint16() {
        return renderer.render(thumbSource, colour, region, out);
    }

    /** The path users call with colours that share components. */
    @Benchmark
    public RenderedImage oursSessionPath3ChannelUint16Overlapping() {
        return renderer.render(thumbSource, overlapping, region, out);
    }

    /** The same render split across the machine's cores (the renderer's default for large regions). */
    @Benchmark
    public int[] ours3ChannelUint16Parallel() {
        parallelRenderer.renderPlanes(PixelType.UINT16, ours3, N, colour, out);
        return out;
    }

    /** Thumbnails through the batch API, which makes them in parallel. */
    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(8)
    public java.util.List<RenderedImage> oursThumbnailBatchOf8() {
        java.util.List<Thumbnails.Request> batch = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            batch.add(new Thumbnails.Request(++thumbId, thumbSource, thumbSettings));
        }
        return thumbnails.thumbnails(batch);
    }

    @Benchmark
    public int[] oursGreyscaleUint16() {
        renderer.renderPlanes(PixelType.UINT16, oursGrey16, N, grey16, out);
        return out;
    }

    @Benchmark
    public int[] oursGreyscaleUint8() {
        renderer.renderPlanes(PixelType.UINT8, oursGrey8, N, grey8, out);
        return out;
    }

    @Benchmark
    public int[] imagej3ChannelUint16() {
        ij[0].updateComposite(ijOut, ImageProcessor.SET_FIRST_CHANNEL);
        ij[1].updateComposite(ijOut, ImageProcessor.SUM_PROJECTION);
        ij[2].updateComposite(ijOut, ImageProcessor.SUM_PROJECTION);
        return ijOut;
    }

    @Benchmark
    public int[] reference3ChannelUint16() {
        return OmeroReference.render(planes16, WINDOWS, COLORS, out);
    }

    /** A thumbnail (96 longest side) made from scratch each time: a new image id defeats the cache. */
    @Benchmark
    public RenderedImage oursThumbnail() {
        return thumbnails.thumbnail(++thumbId, thumbSource, thumbSettings);
    }
}
