package org.omerosdk.render.codec.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.FormatException;

/** Blosc containers written by numcodecs (c-blosc 1.21), see make-fixtures.py beside the fixtures. */
class BloscTest {
    static byte[] fixture(String name) {
        try (InputStream in = BloscTest.class.getResourceAsStream("blosc/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({"lz4,noshuffle", "lz4,shuffle", "lz4,bitshuffle", "lz4hc,noshuffle", "lz4hc,shuffle",
            "lz4hc,bitshuffle", "zstd,noshuffle", "zstd,shuffle", "zstd,bitshuffle", "zlib,noshuffle",
            "zlib,shuffle", "zlib,bitshuffle"})
    void decodesEveryInnerCodecWithEveryShuffleOfSeveralBlocksAndALeftover(String cname, String shuffle) {
        byte[] raw = fixture("raw-u2.bin");
        assertArrayEquals(raw, Blosc.decode(fixture(cname + "-" + shuffle + ".blosc"), raw.length, "t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lz4-bitshuffle-u4", "zstd-shuffle-u4"})
    void decodesFourByteTypesWhoseElementCountIsNoMultipleOfEight(String name) {
        byte[] raw = fixture("raw-u4.bin");
        assertArrayEquals(raw, Blosc.decode(fixture(name + ".blosc"), raw.length, "t"));
    }

    @Test
    void decodesAnIncompressibleBufferStoredAsIs() {
        byte[] raw = fixture("raw-random.bin");
        assertArrayEquals(raw, Blosc.decode(fixture("lz4-random.blosc"), raw.length, "t"));
    }

    @Test
    void refusesBloscLzByName() {
        FormatException e = assertThrows(FormatException.class,
                () -> Blosc.decode(fixture("blosclz-shuffle.blosc"), 10006, "0/0/0"));
        assertTrue(e.getMessage().contains("BloscLZ") && e.getMessage().contains("0/0/0"), e.getMessage());
    }

    @Test
    void refusesAContainerHoldingAnotherSizeThanTheChunk() {
        FormatException e = assertThrows(FormatException.class,
                () -> Blosc.decode(fixture("lz4-shuffle.blosc"), 10000, "k"));
        assertTrue(e.getMessage().contains("10006") && e.getMessage().contains("10000"), e.getMessage());
    }

    @Test
    void refusesEveryTruncationWithAFormatException() {
        byte[] c = fixture("zstd-shuffle.blosc");
        for (int n = 0; n < c.length; n += 7) {
            byte[] cut = Arrays.copyOf(c, n);
            assertThrows(FormatException.class, () -> Blosc.decode(cut, 10006, "k"));
        }
    }

    @Test
    void refusesCorruptStreamsWithAFormatException() {
        byte[] c = fixture("lz4-shuffle.blosc");
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < 500; i++) {
            byte[] bad = c.clone();
            bad[16 + r.nextInt(bad.length - 16)] ^= (byte) (1 << r.nextInt(8));
            try {
                Blosc.decode(bad, 10006, "k");
            } catch (FormatException expected) {
                // a flipped literal may still decode: only other exceptions are failures
            }
        }
    }
}
