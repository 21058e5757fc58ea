package org.omerosdk.importer.format.tiff;

import java.util.List;
import org.omerosdk.importer.format.Location;
import org.omerosdk.importer.format.MetadataEntry;
import org.omerosdk.importer.format.OpenedFileset;
import org.omerosdk.importer.format.SeriesMetadata;
import org.omerosdk.model.ValidationException;
import org.omerosdk.render.PixelSource;

/** A TIFF-family fileset: its series and the pixel source of each. */
final class TiffFileset implements OpenedFileset {
    private final String format;
    private final List<Location> files;
    private final List<SeriesMetadata> series;
    private final List<PixelSource> sources;
    private final List<MetadataEntry> original;

    TiffFileset(String format, List<Location> files, List<SeriesMetadata> series, List<PixelSource> sources,
                List<MetadataEntry> original) {
        this.format = format;
        this.files = List.copyOf(files);
        this.series = List.copyOf(series);
        this.sources = List.copyOf(sources);
        this.original = List.copyOf(original);
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public List<Location> files() {
        return files;
    }

    @Override
    public List<SeriesMetadata> series() {
        return series;
    }

    @Override
    public List<MetadataEntry> originalMetadata() {
        return original;
    }

    @Override
    public PixelSource pixels(int index) {
        if (index < 0 || index >= sources.size()) {
            throw new ValidationException("series " + index + " does not exist in " + files.get(0).describe()
                    + "; it has " + sources.size());
        }
        return sources.get(index);
    }

    @Override
    public void close() {
        for (Location l : files) {
            l.close();
        }
    }
}
