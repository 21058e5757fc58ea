package org.omerosdk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.ValidationException;

class EncoderAndLutTest {
    private static RenderedImage gradient() {
        int[] argb = new int[64 * 32];
        for (int i = 0; i < argb.length; i++) {
            int x = i % 64;
            argb[i] = 0xFF000000 | (x * 4) << 16 | (255 - x * 4) << 8 | 77;
        }
        return new RenderedImage(64, 32, argb);
    }

    @Test
    void pngAndTiffAreLossless() throws IOException {
        RenderedImage img = gradient();
        for (byte[] encoded : new byte[][] {ImageEncoder.png(img), ImageEncoder.tiff(img)}) {
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(encoded));
            assertEquals(64, back.getWidth());
            for (int i = 0; i < img.argb().length; i++) {
                assertEquals(img.argb()[i] & 0xFFFFFF, back.getRGB(i % 64, i / 64) & 0xFFFFFF);
            }
        }
        assertEquals('P', ImageEncoder.png(img)[1]);
        byte order = ImageEncoder.tiff(img)[0];
        assertTrue(order == 'I' || order == 'M', "TIFF byte-order mark");
    }

    @Test
    void jpegQualityTradesSizeForFidelity() throws IOException {
        RenderedImage img = gradient();
        byte[] low = ImageEncoder.jpeg(img, 0.1f);
        byte[] high = ImageEncoder.jpeg(img, 1.0f);
        assertTrue(low.length < high.length, low.length + " >= " + high.length);
        assertEquals(64, ImageIO.read(new ByteArrayInputStream(ImageEncoder.jpeg(img))).getWidth());
        assertThrows(ValidationException.class, () -> ImageEncoder.jpeg(img, 1.5f));
    }

    /** The JDK's JPEG writer, new, on the packed-int image: what the encoder's per-thread writer must equal. */
    private static byte[] freshJdkJpeg(RenderedImage img, float quality) throws IOException {
        javax.imageio.ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream out =
                     new javax.imageio.stream.MemoryCacheImageOutputStream(bytes)) {
            w.setOutput(out);
            javax.imageio.ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            w.write(null, new javax.imageio.IIOImage(img.toBufferedImage(), null, null), p);
        } finally {
            w.dispose();
        }
        return bytes.toByteArray();
    }

    @Test
    void jpegIsTheJdkWritersOutputForEveryImageAThreadEncodesInTurn() throws Exception {
        RenderedImage wide = gradient();
        int[] tall = new int[17 * 45];
        for (int i = 0; i < tall.length; i++) {
            tall[i] = (i * 7919) & 0xFFFFFF;
        }
        RenderedImage other = new RenderedImage(17, 45, tall);
        for (int round = 0; round < 3; round++) {   // the thread's writer is reused: nothing carries over
            org.junit.jupiter.api.Assertions.assertArrayEquals(freshJdkJpeg(wide, 0.85f), ImageEncoder.jpeg(wide));
            org.junit.jupiter.api.Assertions.assertArrayEquals(freshJdkJpeg(other, 0.3f),
                    ImageEncoder.jpeg(other, 0.3f));
        }
        // red stays red and blue blue (the bytes go in as R, G, B)
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(ImageEncoder.jpeg(wide, 1.0f)));
        int px = back.getRGB(60, 10);
        assertTrue(Math.abs(((px >> 16) & 0xFF) - 240) < 8 && Math.abs((px & 0xFF) - 77) < 8,
                Integer.toHexString(px));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            byte[] expected = freshJdkJpeg(wide, 0.85f);
            java.util.List<java.util.concurrent.Future<byte[]>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                all.add(pool.submit(() -> ImageEncoder.jpeg(wide)));
            }
            for (java.util.concurrent.Future<byte[]> f : all) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(expected, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void imagejBinaryAndTextLutFilesAreRead() {
        byte[] raw = new byte[768];
        for (int i = 0; i < 256; i++) {
            raw[i] = (byte) i;
            raw[256 + i] = (byte) (255 - i);
            raw[512 + i] = 7;
        }
        LookupTable bin = LookupTable.read("ramp.lut", new ByteArrayInputStream(raw));
        assertEquals(0x0AF507, bin.rgb(10));
        StringBuilder text = new StringBuilder("Index\tRed\tGreen\tBlue\n");
        for (int i = 0; i < 256; i++) {
            text.append(i).append('\t').append(i).append('\t').append(0).append('\t').append(255 - i).append('\n');
        }
        LookupTable txt = LookupTable.read("ramp.txt", new ByteArrayInputStream(text.toString()
                .getBytes(StandardCharsets.US_ASCII)));
        assertEquals(0x6400 << 8 | 155, txt.rgb(100) & 0xFFFFFF | 0);
    }

    @Test
    void nihHeaderTablesWithFewerColoursAreInterpolated() {
        byte[] data = new byte[32 + 3 * 2];
        data[0] = 'I';
        data[1] = 'C';
        data[2] = 'O';
        data[3] = 'L';
        data[9] = 2; // two colours: black and white
        data[33] = (byte) 255;
        data[35] = (byte) 255;
        data[37] = (byte) 255;
        byte[] padded = java.util.Arrays.copyOf(data, 800);
        LookupTable t = LookupTable.read("bw.lut", new ByteArrayInputStream(padded));
        assertEquals(0x000000, t.rgb(0));
        assertEquals(0xFFFFFF, t.rgb(255));
        assertEquals(0x808080, t.rgb(128));
    }

    @Test
    void corruptLutFilesAreRefusedNamingTheFile() {
        FormatException e = assertThrows(FormatException.class,
                () -> LookupTable.read("broken.lut", new ByteArrayInputStream("1 2 3\n".getBytes())));
        assertTrue(e.getMessage().contains("broken.lut"), e.getMessage());
    }

    @Test
    void standardTablesShip() {
        assertTrue(LookupTable.standardNames().containsAll(java.util.List.of("fire.lut", "grays.lut", "ice.lut",
                "spectrum.lut", "viridis_like.lut", "red.lut", "cyan.lut")));
        assertEquals(0xFFFFFF, LookupTable.standard("fire.lut").rgb(255));
        assertEquals(0x000000, LookupTable.standard("fire.lut").rgb(0));
        assertThrows(ValidationException.class, () -> LookupTable.standard("nope.lut"));
    }
}
