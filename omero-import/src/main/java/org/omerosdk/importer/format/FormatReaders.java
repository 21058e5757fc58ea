package org.omerosdk.importer.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.omerosdk.model.config.Providers;
import org.omerosdk.model.FormatException;

/**
 * The readers found on the class path through {@link ServiceLoader}, and the one call that opens a file with the
 * right one:
 *
 * <pre>{@code
 * try (OpenedFileset f = FormatReaders.discover().open(Location.of(Path.of("a.ome.tif")))) {
 *     SeriesMetadata s = f.series().get(0);
 *     ByteBuffer plane = f.pixels(0).readPlane(0, 0, 0);
 * }
 * }</pre>
 */
public final class FormatReaders {
    /** How many bytes of a file every probe sees. */
    public static final int HEAD_BYTES = 1024;

    private final List<FormatReader> readers;

    private FormatReaders(List<FormatReader> readers) {
        this.readers = List.copyOf(readers);
    }

    /** Every reader on the class path: this library's own loader first, then the thread's context loader. */
    public static FormatReaders discover() {
        return new FormatReaders(Providers.of(FormatReader.class, FormatReaders.class));
    }

    /** Every reader {@code loader} finds. */
    public static FormatReaders discover(ClassLoader loader) {
        List<FormatReader> found = new ArrayList<>();
        for (FormatReader r : ServiceLoader.load(FormatReader.class, loader)) {
            found.add(r);
        }
        return new FormatReaders(found);
    }

    /** Exactly these readers, in this order (for tests and hosts that choose). */
    public static FormatReaders of(List<FormatReader> readers) {
        return new FormatReaders(readers);
    }

    public List<FormatReader> readers() {
        return readers;
    }

    /**
     * The reader most confident about {@code location} (content over name, then priority), or empty when none
     * reads it.
     */
    public Optional<FormatReader> probe(Location location) {
        byte[] head = location.head(HEAD_BYTES);
        FormatReader best = null;
        FormatReader.Confidence bestConfidence = FormatReader.Confidence.NO;
        List<FormatReader> ordered = new ArrayList<>(readers);
        ordered.sort(Comparator.comparingInt(FormatReader::priority).reversed());
        for (FormatReader r : ordered) {
            FormatReader.Confidence c;
            try {
                c = r.probe(location, head);
            } catch (RuntimeException e) {
                c = FormatReader.Confidence.NO;   // a probe must not throw; one that does reads nothing here
            }
            if (c.compareTo(bestConfidence) > 0) {
                best = r;
                bestConfidence = c;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Opens the fileset {@code location} belongs to with the most confident reader.
     *
     * @throws FormatException naming the file when it does not exist, is empty, or no reader reads it
     */
    public OpenedFileset open(Location location) {
        if (!location.exists()) {
            throw new FormatException(location.describe() + " does not exist");
        }
        if (!location.isDirectory() && location.length() == 0) {
            throw new FormatException(location.describe() + " is empty (0 bytes); it is not an image");
        }
        FormatReader r = probe(location).orElseThrow(() -> new FormatException(location.describe()
                + " is not in a format any reader knows (readers: " + names() + ")"));
        return r.open(location);
    }

    /** {@link #open(Location)} on a filesystem path. */
    public OpenedFileset open(Path path) {
        return open(Location.of(path));
    }

    private String names() {
        return String.join(", ", readers.stream().map(FormatReader::name).toList());
    }
}
