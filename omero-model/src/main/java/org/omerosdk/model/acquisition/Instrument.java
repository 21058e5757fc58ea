package org.omerosdk.model.acquisition;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Optional;
import org.omerosdk.model.meta.IObject;

/** The microscope an image was acquired on (OMERO's Instrument); objectives, detectors and light sources belong to it. */
@Entity
@Table(name = "instrument")
public class Instrument extends IObject {
    private String manufacturer;
    private String model;
    private String serialNumber;
    private String lotNumber;

    public Instrument() {
    }

    public Instrument(String manufacturer, String model) {
        this.manufacturer = manufacturer;
        this.model = model;
    }

    public Optional<String> manufacturer() {
        requireLoaded();
        return Optional.ofNullable(manufacturer);
    }

    public Optional<String> model() {
        requireLoaded();
        return Optional.ofNullable(model);
    }

    /** The microscope's serial number (OME-XML's Microscope SerialNumber). */
    public Optional<String> serialNumber() {
        requireLoaded();
        return Optional.ofNullable(serialNumber);
    }

    public Optional<String> lotNumber() {
        requireLoaded();
        return Optional.ofNullable(lotNumber);
    }

    public void setNumbers(String serialNumber, String lotNumber) {
        this.serialNumber = serialNumber;
        this.lotNumber = lotNumber;
    }
}
