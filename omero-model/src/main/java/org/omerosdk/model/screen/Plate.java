package org.omerosdk.model.screen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Optional;
import org.omerosdk.model.meta.NamedObject;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.UnitsLength;

/**
 * A plate (OMERO's Plate): how its rows and columns are named (OMERO's default: rows by letter, columns by
 * number) and the origin of well A1 relative to the plate.
 */
@Entity
@Table(name = "plate")
public class Plate extends NamedObject {
    @Enumerated(EnumType.STRING)
    @Column(length = 8)
    private NamingConvention rowNamingConvention = NamingConvention.LETTER;
    @Enumerated(EnumType.STRING)
    @Column(length = 8)
    private NamingConvention columnNamingConvention = NamingConvention.NUMBER;
    private Double wellOriginX;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private UnitsLength wellOriginXUnit;
    private Double wellOriginY;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private UnitsLength wellOriginYUnit;
    private String externalIdentifier;

    protected Plate() {
    }

    public Plate(String name) {
        super(name);
    }

    public NamingConvention rowNamingConvention() {
        requireLoaded();
        return rowNamingConvention;
    }

    public NamingConvention columnNamingConvention() {
        requireLoaded();
        return columnNamingConvention;
    }

    public void setNamingConventions(NamingConvention rows, NamingConvention columns) {
        this.rowNamingConvention = rows;
        this.columnNamingConvention = columns;
    }

    /** The label of a well, e.g. {@code B3} for row 1, column 2 (0-based) under the default conventions. */
    public String wellLabel(int row, int column) {
        requireLoaded();
        return rowNamingConvention.label(row) + columnNamingConvention.label(column);
    }

    public Optional<Length> wellOriginX() {
        requireLoaded();
        return Length.ofNullable(wellOriginX, wellOriginXUnit);
    }

    public Optional<Length> wellOriginY() {
        requireLoaded();
        return Length.ofNullable(wellOriginY, wellOriginYUnit);
    }

    public void setWellOrigin(Length x, Length y) {
        wellOriginX = x.value();
        wellOriginXUnit = x.unit();
        wellOriginY = y.value();
        wellOriginYUnit = y.unit();
    }

    public Optional<String> externalIdentifier() {
        requireLoaded();
        return Optional.ofNullable(externalIdentifier);
    }

    public void setExternalIdentifier(String id) {
        this.externalIdentifier = id;
    }
}
