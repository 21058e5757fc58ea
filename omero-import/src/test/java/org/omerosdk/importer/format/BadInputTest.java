package org.omerosdk.importer.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.FormatException;
import org.omerosdk.render.PixelSource;

/** Damaged and hostile files: every one is a FormatException naming the file and the problem, never garbage. */
class BadInputTest {
    @TempDir
    Path dir;

    private final FormatReaders readers = FormatReaders.discover();

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    /** Opens and reads every plane of every series; returns the failure. */
    private FormatException failure(Path p) {
        return assertThrows(FormatException.class, () -> {
            try (OpenedFileset f = readers.open(p)) {
                for (int s = 0; s < f.series().size(); s++) {
                    PixelSource src = f.pixels(s);
                    for (int c = 0; c < src.sizeC(); c++) {
                        PlaneStats.of(src, 0, 0, c, 0);
                    }
                }
            }
        });
    }

    private static void names(FormatException e, Path p, String problem) {
        assertTrue(e.getMessage().contains(p.getFileName().toString()), "\"" + e.getMessage() + "\" names the file");
        assertTrue(e.getMessage().contains(problem), "\"" + e.getMessage() + "\" says " + problem);
    }

    @Test
    void aZeroByteFileIsNotAnImage() throws IOException {
        Path p = write("empty.tif", new byte[0]);
        names(failure(p), p, "empty");
    }

    @Test
    void aTextFileIsInNoKnownFormat() throws IOException {
        Path p = write("notes.tif", "just some text, not an image\n".getBytes());
        names(failure(p), p, "not in a format");
    }

    @Test
    void aTinyValidTiffReadsItsPixels() throws IOException {
        byte[] px = {1, 2, 3, 4, 5, 6};
        Path p = write("ok.tif", TinyTiff.grey8(3, 2, px).bytes());
        try (OpenedFileset f = readers.open(p)) {
            assertArrayEquals(px, f.pixels(0).readPlane(0, 0, 0).array());
        }
    }

    @Test
    void anIfdChainThatLoopsIsRefused() throws IOException {
        TinyTiff t = TinyTiff.grey8(3, 2, new byte[6]);
        t.next(t.ifdOffset());
        Path p = write("loop.tif", t.bytes());
        names(failure(p), p, "loops");
    }

    @Test
    void aFirstIfdPastTheEndIsRefused() throws IOException {
        Path p = write("far.tif", TinyTiff.grey8(3, 2, new byte[6]).firstIfd(1_000_000).bytes());
        names(failure(p), p, "past the end");
    }

    @Test
    void aStripOffsetPastTheEndIsRefused() throws IOException {
        TinyTiff t = new TinyTiff().data(new byte[6]).entry(256, 4, 3).entry(257, 4, 2).entry(258, 3, 8)
                .entry(273, 4, 99_999).entry(278, 4, 2).entry(279, 4, 6);
        Path p = write("offset.tif", t.bytes());
        names(failure(p), p, "past the end");
    }

    @Test
    void aTiffCutInTheMiddleOfItsStripIsTruncated() throws IOException {
        byte[] px = new byte[64 * 64];
        Arrays.fill(px, (byte) 7);
        // the directory first, then the strip, so that cutting the file cuts the strip
        TinyTiff t = new TinyTiff().data(new byte[0]).entry(256, 4, 64).entry(257, 4, 64).entry(258, 3, 8)
                .entry(273, 4, 200).entry(278, 4, 64).entry(279, 4, px.length);
        byte[] head = t.bytes();
        byte[] whole = new byte[200 + px.length];
        System.arraycopy(head, 0, whole, 0, head.length);
        System.arraycopy(px, 0, whole, 200, px.length);
        Path p = write("cut.tif", Arrays.copyOf(whole, 200 + px.length / 2));
        names(failure(p), p, "truncated");
    }

    @Test
    void dimensionsWhoseProductOverflowsAreRefusedBeforeAllocating() throws IOException {
        TinyTiff t = new TinyTiff().data(new byte[6]).entry(256, 4, 2_000_000_000L).entry(257, 4, 2_000_000_000L)
                .entry(258, 3, 16).entry(273, 4, 8).entry(279, 4, 6);
        Path p = write("huge.tif", t.bytes());
        names(failure(p), p, "2000000000");
    }

    @Test
    void anAbsurdTileSizeIsRefused() throws IOException {
        TinyTiff t = new TinyTiff().data(new byte[6]).entry(256, 4, 100).entry(257, 4, 100).entry(258, 3, 8)
                .entry(322, 4, 1 << 24).entry(323, 4, 1 << 24).entry(324, 4, 8).entry(325, 4, 6);
        Path p = write("tiles.tif", t.bytes());
        names(failure(p), p, "tile size");
    }

    @Test
    void tooFewStripOffsetsAreRefused() throws IOException {
        TinyTiff t = new TinyTiff().data(new byte[6]).entry(256, 4, 3).entry(257, 4, 2).entry(258, 3, 8)
                .entry(273, 4, 8).entry(278, 4, 1).entry(279, 4, 3);
        Path p = write("strips.tif", t.bytes());
        names(failure(p), p, "offsets");
    }

    @Test
    void oldStyleJpegIsRefusedClearly() throws IOException {
        TinyTiff t = TinyTiff.grey8(3, 2, new byte[6]).entry(259, 3, 6);
        // a second Compression entry would be ambiguous: build it with Compression 6 alone
        t = new TinyTiff().data(new byte[6]).entry(256, 4, 3).entry(257, 4, 2).entry(258, 3, 8).entry(259, 3, 6)
                .entry(273, 4, 8).entry(278, 4, 2).entry(279, 4, 6);
        Path p = write("ojpeg.tif", t.bytes());
        names(failure(p), p, "old-style JPEG");
    }

    @Test
    void corruptLzwDataIsRefused() throws IOException {
        byte[] junk = new byte[40];
        Arrays.fill(junk, (byte) 0xFF);
        TinyTiff t = new TinyTiff().data(junk).entry(256, 4, 16).entry(257, 4, 16).entry(258, 3, 8)
                .entry(259, 3, 5).entry(273, 4, 8).entry(278, 4, 16).entry(279, 4, junk.length);
        Path p = write("lzw.tif", t.bytes());
        names(failure(p), p, "LZW");
    }

    @Test
    void corruptDeflateDataIsRefused() throws IOException {
        byte[] junk = new byte[40];
        Arrays.fill(junk, (byte) 0x33);
        TinyTiff t = new TinyTiff().data(junk).entry(256, 4, 16).entry(257, 4, 16).entry(258, 3, 8)
                .entry(259, 3, 8).entry(273, 4, 8).entry(278, 4, 16).entry(279, 4, junk.length);
        Path p = write("deflate.tif", t.bytes());
        names(failure(p), p, "Deflate");
    }

    @Test
    void anUnsupportedCompressionIsNamed() throws IOException {
        TinyTiff t = new TinyTiff().data(new byte[6]).entry(256, 4, 3).entry(257, 4, 2).entry(258, 3, 8)
                .entry(259, 3, 33003).entry(273, 4, 8).entry(278, 4, 2).entry(279, 4, 6);
        Path p = write("j2k.tif", t.bytes());
        names(failure(p), p, "JPEG 2000");
    }

    @Test
    void aTruncatedPngIsRefused() throws IOException {
        ByteBuffer png = ByteBuffer.allocate(40).order(ByteOrder.BIG_ENDIAN);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        Path p = write("cut.png", png.array());
        names(failure(p), p, "cut.png");
    }
}
