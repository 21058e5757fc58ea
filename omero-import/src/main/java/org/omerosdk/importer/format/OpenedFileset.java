package org.omerosdk.importer.format;

import java.util.List;
import java.util.Optional;
import org.omerosdk.render.PixelSource;

/**
 * A fileset opened by a {@link FormatReader}: its series with their core metadata, the original metadata, the
 * files it uses, and pixel access per series. Safe for concurrent use; {@link #close} releases open files and
 * invalidates the pixel sources.
 */
public interface OpenedFileset extends AutoCloseable {

    /** The name of the format as read ({@code "OME-TIFF"}, {@code "ImageJ TIFF"}, {@code "TIFF"}, ...). */
    String format();

    /** Every file the fileset consists of, the one that was opened first. */
    List<Location> files();

    /** The series (OME Images) in file order; at least one. */
    List<SeriesMetadata> series();

    /** Original metadata of the whole fileset as ordered key/value pairs (TIFF tags, ImageJ/Aperio fields, ...). */
    List<MetadataEntry> originalMetadata();

    /** The plate when the fileset is an HCS plate; its wells' samples are series of this fileset. */
    default Optional<PlateLayout> plate() {
        return Optional.empty();
    }

    /**
     * Pixel access to series {@code index}: planes, tiles and regions at every resolution level, into caller-owned
     * buffers, thread-safe.
     *
     * @throws org.omerosdk.model.ValidationException when there is no such series
     * @throws org.omerosdk.model.FormatException     when the series' pixels cannot be decoded at all (an
     *                                                unsupported compression); reads of damaged data throw it too
     */
    PixelSource pixels(int index);

    @Override
    void close();
}
