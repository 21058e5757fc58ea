package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions.Level;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.annotations.Annotation;
import org.omerosdk.model.annotations.FileAnnotation;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.fs.ChecksumAlgorithm;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.repo.checksum.ChecksumSink;
import org.omerosdk.sdk.graph.GraphRequest;

/**
 * Files attached to objects (OMERO's FileAnnotation): stored with size and checksum, read back through the same
 * visibility and binary-access checks as any original file, removed with their annotation, and nothing left behind
 * by a refused or failed attachment.
 */
class FileAttachmentTest {
    @TempDir
    static Path dir;
    static Lab lab;

    @BeforeAll
    static void open() {
        lab = Lab.open(DatabaseTarget.H2, dir);
    }

    @AfterAll
    static void close() {
        lab.close();
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static List<String> attachmentKeys() {
        return lab.sdk.repository().store().list(Annotations.ATTACHMENTS);
    }

    @Test
    void anAttachedFileReadsBackWithItsSizeChecksumTypeAndNamespace() throws IOException {
        Session ada = lab.as("ada", Level.READ_ANNOTATE);
        Image image = Lab.image(ada, "measured", Optional.empty());
        String csv = "label,area\ncell 1,12.5\ncell 2,7.25\n";
        FileAnnotation a = ada.annotations().attachFile(image, "omero-sdk/results", "Results.csv", "text/csv",
                text(csv));
        assertEquals(Optional.of("omero-sdk/results"), a.ns());
        OriginalFile f = a.file();
        assertEquals("Results.csv", f.name());
        assertEquals(Optional.of((long) csv.length()), f.size());
        assertEquals(Optional.of("text/csv"), f.mimetype());
        assertEquals(Optional.of(ChecksumAlgorithm.SHA1_160), f.hasher());
        assertEquals(Optional.of(ChecksumSink.checksum(ChecksumAlgorithm.SHA1_160,
                csv.getBytes(StandardCharsets.UTF_8))), f.hash());
        assertEquals(csv, new String(read(ada.annotations().download(a)), StandardCharsets.UTF_8));
        List<Annotation> on = ada.annotations().on(image);
        FileAnnotation listed = assertInstanceOf(FileAnnotation.class, on.stream()
                .filter(x -> x.id() == a.id()).findFirst().orElseThrow());
        assertEquals(csv, new String(read(ada.annotations().download(listed)), StandardCharsets.UTF_8));
        // another member of the read-annotate group reads it too
        Session pi = lab.as("pi", Level.READ_ANNOTATE);
        assertEquals(csv, new String(read(pi.annotations().download(a)), StandardCharsets.UTF_8));
    }

    @Test
    void aLargeFileIsStreamedAndTwoFilesOfOneNameStaySeparate() throws IOException {
        Session ada = lab.as("ada", Level.PRIVATE);
        Image image = Lab.image(ada, "two files", Optional.empty());
        byte[] big = new byte[3 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + (i >>> 11));
        }
        FileAnnotation first = ada.annotations().attachFile(image, null, "data.bin", null,
                new ByteArrayInputStream(big));
        FileAnnotation second = ada.annotations().attachFile(image, null, "data.bin", null, text("small"));
        assertEquals(Optional.of("application/octet-stream"), first.file().mimetype());
        assertEquals(Optional.empty(), first.ns());
        assertArrayEquals(big, read(ada.annotations().download(first)));
        assertEquals("small", new String(read(ada.annotations().download(second)), StandardCharsets.UTF_8));
    }

    @Test
    void othersCannotReadAFileInAPrivateGroupAndTheAnswerIsThatOfAMissingOne() {
        Session ada = lab.as("ada", Level.PRIVATE);
        Image image = Lab.image(ada, "private", Optional.empty());
        FileAnnotation a = ada.annotations().attachFile(image, null, "secret.txt", "text/plain", text("secret"));
        Session bob = lab.as("bob", Level.PRIVATE);
        NotFoundException hidden = assertThrows(NotFoundException.class, () -> bob.annotations().download(a));
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> bob.annotations().download(idOnly(Long.MAX_VALUE / 2)));
        assertEquals(hidden.getMessage().replace(String.valueOf(a.id()), "N"),
                missing.getMessage().replace(String.valueOf(Long.MAX_VALUE / 2), "N"));
        // nor through the file itself
        assertThrows(NotFoundException.class, () -> bob.images().download(a.file()));
    }

    @Test
    void attachingToWhatTheCallerMayNotAnnotateStoresNothing() {
        Session ada = lab.as("ada", Level.READ_ONLY);
        Image adas = Lab.image(ada, "read-only", Optional.empty());
        Session bob = lab.as("bob", Level.READ_ONLY);
        List<String> before = attachmentKeys();
        assertThrows(SecurityViolation.class,
                () -> bob.annotations().attachFile(adas, null, "notes.txt", "text/plain", text("bob's")));
        Image privateOne = Lab.image(lab.as("ada", Level.PRIVATE), "private", Optional.empty());
        Session bobPrivate = lab.as("bob", Level.PRIVATE);
        assertThrows(NotFoundException.class,
                () -> bobPrivate.annotations().attachFile(privateOne, null, "notes.txt", null, text("bob's")));
        assertEquals(before, attachmentKeys(), "a refused attachment leaves no bytes in the repository");
        assertTrue(lab.root.annotations().on(adas).isEmpty());
    }

    @Test
    void hostileNamesAreRefusedNamingTheProblem() {
        Session ada = lab.as("ada", Level.PRIVATE);
        Image image = Lab.image(ada, "names", Optional.empty());
        List<String> before = attachmentKeys();
        for (String name : List.of("", "../../escape.txt", "a/b.csv", "..", "bad\u0000name", "a\\b", "x".repeat(300))) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> ada.annotations().attachFile(image, null, name, null, text("x")), name);
            assertFalse(e.getMessage().contains("\u0000"), "the message shows no control character");
        }
        assertEquals(before, attachmentKeys());
    }

    @Test
    void aStreamThatFailsHalfWayStoresNothing() {
        Session ada = lab.as("ada", Level.PRIVATE);
        Image image = Lab.image(ada, "failing", Optional.empty());
        List<String> before = attachmentKeys();
        // fails at 100,000 bytes and on every read after (InputStream's own read(byte[]) would swallow one failure)
        InputStream failing = new InputStream() {
            long sent;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (sent >= 100_000) {
                    throw new IOException("the network went away");
                }
                int n = (int) Math.min(len, 100_000 - sent);
                java.util.Arrays.fill(b, off, off + n, (byte) 7);
                sent += n;
                return n;
            }
        };
        StorageException e = assertThrows(StorageException.class,
                () -> ada.annotations().attachFile(image, null, "partial.bin", null, failing));
        assertTrue(e.getMessage().contains("the network went away"), e.getMessage());
        assertEquals(before, attachmentKeys());
        assertTrue(ada.annotations().on(image).isEmpty());
    }

    @Test
    void deletingTheAnnotationRemovesTheFileAndItsBytes() {
        Session ada = lab.as("ada", Level.PRIVATE);
        Image image = Lab.image(ada, "deleted", Optional.empty());
        FileAnnotation a = ada.annotations().attachFile(image, null, "gone.txt", null, text("bye"));
        String key = a.file().path() + a.file().name();
        assertTrue(lab.sdk.repository().store().exists(key));
        ada.graphs().run(GraphRequest.delete(a));
        assertThrows(NotFoundException.class, () -> ada.annotations().download(a));
        assertFalse(lab.sdk.repository().store().exists(key), "the bytes go with the file");
        // deleting the image with an attachment takes the attachment along (OMERO: the file annotation is orphaned)
        FileAnnotation b = ada.annotations().attachFile(image, null, "with-image.txt", null, text("x"));
        String keyB = b.file().path() + b.file().name();
        ada.graphs().run(GraphRequest.delete(image));
        assertFalse(lab.sdk.repository().store().exists(keyB));
    }

    private static FileAnnotation idOnly(long id) {
        return org.omerosdk.model.meta.IObject.reference(FileAnnotation.class, id);
    }
}
