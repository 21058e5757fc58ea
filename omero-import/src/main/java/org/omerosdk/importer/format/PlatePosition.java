package org.omerosdk.importer.format;

import java.util.OptionalLong;

/**
 * Where a series sits on a plate: well row and column (0-based), the field within the well (0-based), and the
 * acquisition it belongs to when the plate has several.
 */
public record PlatePosition(int row, int column, int field, OptionalLong acquisition) {
}
