package org.omerosdk.importer.format;

/**
 * A reader for one family of image formats, found through {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/org.omerosdk.importer.format.FormatReader}). {@link FormatReaders} asks every reader to
 * {@link #probe} a location and opens it with the most confident one.
 *
 * <p>Implementations are stateless and thread-safe; everything about one file lives in the {@link OpenedFileset}
 * that {@link #open} returns.
 */
public interface FormatReader {

    /** The format's name as users see it ({@code "TIFF"}, {@code "OME-Zarr"}). */
    String name();

    /**
     * How sure this reader is that it reads {@code location}, looking at {@code head} (the first bytes of a file,
     * empty for a directory) first and at the name second. Must be cheap: no parsing beyond the first bytes, at
     * most a small metadata document for a directory format. Never throws for a file it does not read.
     */
    Confidence probe(Location location, byte[] head);

    /**
     * Among readers with the same {@link Confidence}, the higher priority wins (a specialised reader above a
     * general one; the Bio-Formats bridge lowest).
     */
    default int priority() {
        return 0;
    }

    /**
     * Reads the metadata of the fileset {@code location} belongs to (any file of a multi-file set opens the whole
     * set). Pixels are read lazily through {@link OpenedFileset#pixels}.
     *
     * @throws org.omerosdk.model.FormatException naming the file and the problem when it cannot be read
     */
    OpenedFileset open(Location location);

    /** A probe's answer, weakest first. */
    enum Confidence {
        /** Not this format. */
        NO,
        /** The name (extension) fits but the content was not checked or cannot be checked cheaply. */
        BY_NAME,
        /** The magic bytes (or the directory's metadata document) fit. */
        BY_CONTENT
    }
}
