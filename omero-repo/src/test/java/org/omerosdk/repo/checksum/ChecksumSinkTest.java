package org.omerosdk.repo.checksum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.fs.ChecksumAlgorithm;

class ChecksumSinkTest {
    static byte[] input(String name) {
        switch (name) {
            case "empty": return new byte[0];
            case "abc": return bytes("abc");
            case "fox": return bytes("The quick brown fox jumps over the lazy dog");
            default:
                int n = Integer.parseInt(name.substring(4));
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    b.append("fake").append(i);
                }
                return bytes(b.toString());
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "{1} of {0}")
    @CsvFileSource(resources = "vectors.csv")
    void matchesOmerosStoredForm(String input, String algorithm, String expected) {
        assertEquals(expected, ChecksumSink.checksum(ChecksumAlgorithm.fromOmeroName(algorithm), input(input)));
    }

    @ParameterizedTest(name = "{1} of {0} fed in pieces")
    @CsvFileSource(resources = "vectors.csv")
    void feedingInPiecesGivesTheSameChecksum(String input, String algorithm, String expected) {
        byte[] data = input(input);
        Random random = new Random(input.hashCode());
        ChecksumSink sink = ChecksumSink.of(ChecksumAlgorithm.fromOmeroName(algorithm));
        int i = 0;
        while (i < data.length) {
            int n = Math.min(data.length - i, random.nextInt(23));
            sink.write(data, i, n);
            i += n;
        }
        assertEquals(expected, sink.finish().get(ChecksumAlgorithm.fromOmeroName(algorithm)));
    }

    @Test
    void allSevenInOnePassReadTheStreamOnce() throws IOException {
        byte[] data = input("fake1000");
        int[] reads = {0};
        InputStream counting = new java.io.FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    reads[0] += n;
                }
                return n;
            }
        };
        Map<ChecksumAlgorithm, String> all = ChecksumSink.checksums(counting, EnumSet.allOf(ChecksumAlgorithm.class));
        assertEquals(data.length, reads[0]);
        assertEquals(7, all.size());
        assertEquals("1d3e3cb6", all.get(ChecksumAlgorithm.CRC_32));
        assertEquals("7535f4b378b3aec8dc3f4cffdc44ba6e", all.get(ChecksumAlgorithm.MURMUR3_128));
    }

    @Test
    void byteBufferFeedsFromItsPositionNotFromIndexZero() {
        // OMERO's Guava-based providers hash from index 0 regardless of position; we hash what remains
        ByteBuffer b = ByteBuffer.wrap(bytes("xxabc"));
        b.position(2);
        ChecksumSink sink = ChecksumSink.of(ChecksumAlgorithm.SHA1_160);
        sink.write(b);
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", sink.finish().get(ChecksumAlgorithm.SHA1_160));
        assertEquals(5, b.position());
    }

    @Test
    void feedingAfterFinishIsRefusedAsInOmero() {
        ChecksumSink sink = ChecksumSink.of(ChecksumAlgorithm.MD5_128);
        sink.finish();
        assertThrows(IllegalStateException.class, () -> sink.write(new byte[] {1}, 0, 1));
    }

    @Test
    void largeStreamMatchesAOneShotDigestOfEveryAlgorithm() throws IOException {
        byte[] data = new byte[3_000_017];
        new Random(7).nextBytes(data);
        Map<ChecksumAlgorithm, String> streamed = ChecksumSink.checksums(new ByteArrayInputStream(data),
                EnumSet.allOf(ChecksumAlgorithm.class));
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            assertEquals(ChecksumSink.checksum(a, data), streamed.get(a), a.omeroName());
        }
    }

    @Test
    void noAlgorithmIsRefused() {
        assertThrows(ValidationException.class, () -> ChecksumSink.of(List.of()));
    }

    @Test
    void sinkIsAnOutputStreamForTransferTo() throws IOException {
        ChecksumSink sink = ChecksumSink.of(ChecksumAlgorithm.FILE_SIZE_64);
        new ByteArrayInputStream(new byte[590]).transferTo(sink);
        assertEquals("4e02000000000000", sink.finish().get(ChecksumAlgorithm.FILE_SIZE_64));
        assertTrue(new ByteArrayOutputStream().size() == 0);
    }
}
