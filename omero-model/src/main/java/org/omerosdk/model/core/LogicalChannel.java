package org.omerosdk.model.core;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Optional;
import org.omerosdk.model.acquisition.DetectorSettings;
import org.omerosdk.model.acquisition.LightSettings;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.UnitsLength;

/**
 * What a channel shows (OMERO's LogicalChannel): name, excitation and emission wavelengths, fluor. Several
 * {@link Channel}s may share one, which is why renaming a channel can rename it in other images.
 */
@Entity
@Table(name = "logicalchannel")
public class LogicalChannel extends IObject {
    private String name;
    private String fluor;
    private Double excitationWave;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private UnitsLength excitationWaveUnit;
    private Double emissionWave;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private UnitsLength emissionWaveUnit;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "detectorSettings")
    private DetectorSettings detectorSettings;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "lightSourceSettings")
    private LightSettings lightSourceSettings;

    public LogicalChannel() {
    }

    public LogicalChannel(String name) {
        this.name = name;
    }

    public Optional<String> name() {
        requireLoaded();
        return Optional.ofNullable(name);
    }

    public void setName(String name) {
        this.name = name;
    }

    public Optional<String> fluor() {
        requireLoaded();
        return Optional.ofNullable(fluor);
    }

    public void setFluor(String fluor) {
        this.fluor = fluor;
    }

    public Optional<Length> excitationWave() {
        requireLoaded();
        return Length.ofNullable(excitationWave, excitationWaveUnit);
    }

    public void setExcitationWave(Length l) {
        excitationWave = l.value();
        excitationWaveUnit = l.unit();
    }

    public Optional<Length> emissionWave() {
        requireLoaded();
        return Length.ofNullable(emissionWave, emissionWaveUnit);
    }

    public void setEmissionWave(Length l) {
        emissionWave = l.value();
        emissionWaveUnit = l.unit();
    }

    /** How the detector was set for this channel, when known (the SDK's reads give it loaded or as a reference). */
    public Optional<DetectorSettings> detectorSettings() {
        requireLoaded();
        return Optional.ofNullable(detectorSettings);
    }

    /** How the light source was used for this channel, when known. */
    public Optional<LightSettings> lightSourceSettings() {
        requireLoaded();
        return Optional.ofNullable(lightSourceSettings);
    }

    /** How the detector was set for this channel (OMERO's {@code LogicalChannel.detectorSettings}). */
    public void setDetectorSettings(DetectorSettings settings) {
        this.detectorSettings = settings;
    }

    /** How the light source was used for this channel (OMERO's {@code LogicalChannel.lightSourceSettings}). */
    public void setLightSourceSettings(LightSettings settings) {
        this.lightSourceSettings = settings;
    }
}
