package org.omerosdk.model.screen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.Objects;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.meta.IObject;

/** A well of a {@link Plate} at a 0-based row and column (OMERO's Well). */
@Entity
@Table(name = "well", uniqueConstraints = @UniqueConstraint(columnNames = {"plate", "row", "column"}))
public class Well extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plate")
    private Plate plate;
    @Column(name = "row", nullable = false)
    private int row;
    @Column(name = "column", nullable = false)
    private int column;

    protected Well() {
    }

    /** @throws ValidationException for a negative row or column */
    public Well(Plate plate, int row, int column) {
        if (row < 0 || column < 0) {
            throw new ValidationException("well at row " + row + ", column " + column
                    + " of " + plate + " is impossible: rows and columns start at 0");
        }
        this.plate = Objects.requireNonNull(plate, "plate");
        this.row = row;
        this.column = column;
    }

    public Plate plate() {
        requireLoaded();
        return plate;
    }

    public int row() {
        requireLoaded();
        return row;
    }

    public int column() {
        requireLoaded();
        return column;
    }
}
