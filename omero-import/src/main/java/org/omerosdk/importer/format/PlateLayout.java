package org.omerosdk.importer.format;

import java.util.List;
import java.util.Objects;

/**
 * An HCS plate as a reader finds it: row and column names, wells with their position, the number of fields per
 * well, the acquisitions (OMERO's PlateAcquisition), and per well the series that are its fields.
 */
public record PlateLayout(String name, List<String> rowNames, List<String> columnNames, List<Well> wells,
                          int fieldCount, List<Acquisition> acquisitions) {
    public PlateLayout {
        Objects.requireNonNull(name, "name");
        rowNames = List.copyOf(rowNames);
        columnNames = List.copyOf(columnNames);
        wells = List.copyOf(wells);
        acquisitions = List.copyOf(acquisitions);
    }

    /** A well at (row, column), 0-based, and the series indexes of its fields in field order. */
    public record Well(String path, int row, int column, List<Integer> fieldSeries) {
        public Well {
            fieldSeries = List.copyOf(fieldSeries);
        }
    }

    /** One acquisition (run) of the plate. */
    public record Acquisition(long id, String name) {
    }
}
