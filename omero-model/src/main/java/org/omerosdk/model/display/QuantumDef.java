package org.omerosdk.model.display;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.meta.IObject;

/** The output range of quantization (OMERO's QuantumDef): codomain start and end, and bit resolution. */
@Entity
@Table(name = "quantumdef")
public class QuantumDef extends IObject {
    @Column(nullable = false)
    private int cdStart;
    @Column(nullable = false)
    private int cdEnd;
    @Column(nullable = false)
    private int bitResolution;

    protected QuantumDef() {
    }

    /** @throws ValidationException unless {@code 0 <= cdStart < cdEnd <= 255} and bitResolution is in 1..8 */
    public QuantumDef(int cdStart, int cdEnd, int bitResolution) {
        if (cdStart < 0 || cdEnd > 255 || cdStart >= cdEnd || bitResolution < 1 || bitResolution > 8) {
            throw new ValidationException("QuantumDef codomain " + cdStart + ".." + cdEnd + " at " + bitResolution
                    + " bits is impossible: need 0 <= start < end <= 255 and 1..8 bits");
        }
        this.cdStart = cdStart;
        this.cdEnd = cdEnd;
        this.bitResolution = bitResolution;
    }

    /** OMERO's default: 0..255 at 8 bits. */
    public static QuantumDef standard() {
        return new QuantumDef(0, 255, 8);
    }

    public int cdStart() {
        requireLoaded();
        return cdStart;
    }

    public int cdEnd() {
        requireLoaded();
        return cdEnd;
    }

    public int bitResolution() {
        requireLoaded();
        return bitResolution;
    }
}
