package org.omerosdk.model.screen;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.meta.IObject;

/** One acquisition run over a {@link Plate} (OMERO's PlateAcquisition). */
@Entity
@Table(name = "plateacquisition")
public class PlateAcquisition extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plate")
    private Plate plate;
    private String name;
    private Instant startTime;
    private Instant endTime;
    private Integer maximumFieldCount;

    protected PlateAcquisition() {
    }

    public PlateAcquisition(Plate plate, String name) {
        this.plate = Objects.requireNonNull(plate, "plate");
        this.name = name;
    }

    public Plate plate() {
        requireLoaded();
        return plate;
    }

    public Optional<String> name() {
        requireLoaded();
        return Optional.ofNullable(name);
    }

    public Optional<Instant> startTime() {
        requireLoaded();
        return Optional.ofNullable(startTime);
    }

    public Optional<Instant> endTime() {
        requireLoaded();
        return Optional.ofNullable(endTime);
    }

    public void setTimes(Instant start, Instant end) {
        this.startTime = start;
        this.endTime = end;
    }

    public Optional<Integer> maximumFieldCount() {
        requireLoaded();
        return Optional.ofNullable(maximumFieldCount);
    }

    public void setMaximumFieldCount(int count) {
        this.maximumFieldCount = count;
    }
}
