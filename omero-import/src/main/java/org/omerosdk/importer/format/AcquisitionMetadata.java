package org.omerosdk.importer.format;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.units.ElectricPotential;
import org.omerosdk.model.units.Frequency;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.Power;
import org.omerosdk.model.units.Pressure;
import org.omerosdk.model.units.Temperature;

/**
 * What a file says about how one series was acquired, in OME-XML's terms: the instrument (with its objectives,
 * detectors and light sources), the objective settings, the stage label, the imaging environment and the
 * experiment. A channel's detector and light-source settings are in its {@link ChannelMetadata}. Every part may be
 * unknown; ids are the file's own ({@code Instrument:0}) and only say which parts refer to which.
 *
 * <p>Series that refer to the same instrument or experiment hold equal values; the import stores each once per
 * fileset, as OMERO does.
 */
public record AcquisitionMetadata(Optional<Instrument> instrument, Optional<ObjectiveSettings> objectiveSettings,
                                  Optional<StageLabel> stageLabel, Optional<Environment> environment,
                                  Optional<Experiment> experiment) {
    private static final AcquisitionMetadata NONE = new AcquisitionMetadata(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public AcquisitionMetadata {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(objectiveSettings, "objectiveSettings");
        Objects.requireNonNull(stageLabel, "stageLabel");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(experiment, "experiment");
    }

    /** A series the file says nothing about the acquisition of. */
    public static AcquisitionMetadata none() {
        return NONE;
    }

    /** The microscope (OME-XML's Instrument with its Microscope's manufacturer, model and numbers). */
    public record Instrument(String id, Optional<String> manufacturer, Optional<String> model,
                             Optional<String> serialNumber, Optional<String> lotNumber, List<Objective> objectives,
                             List<Detector> detectors, List<LightSource> lightSources) {
        public Instrument {
            Objects.requireNonNull(id, "id");
            objectives = List.copyOf(objectives);
            detectors = List.copyOf(detectors);
            lightSources = List.copyOf(lightSources);
        }
    }

    public record Objective(String id, Optional<String> manufacturer, Optional<String> model,
                            Optional<String> serialNumber, Optional<Double> nominalMagnification,
                            Optional<Double> calibratedMagnification, Optional<Double> lensNA,
                            Optional<String> immersion, Optional<String> correction,
                            Optional<Length> workingDistance) {
        public Objective {
            Objects.requireNonNull(id, "id");
        }
    }

    public record Detector(String id, Optional<String> type, Optional<String> manufacturer, Optional<String> model,
                           Optional<String> serialNumber, Optional<Double> gain, Optional<ElectricPotential> voltage,
                           Optional<Double> offset, Optional<Double> zoom, Optional<Double> amplificationGain) {
        public Detector {
            Objects.requireNonNull(id, "id");
        }
    }

    /** The kinds of light source OMERO models. */
    public enum LightSourceKind {
        LASER, FILAMENT, ARC, LIGHT_EMITTING_DIODE
    }

    /**
     * A light source; {@code type} is the kind's (a laser's LaserType, an arc's ArcType, a filament's FilamentType),
     * {@code wavelength} and {@code laserMedium} are a laser's.
     */
    public record LightSource(String id, LightSourceKind kind, Optional<String> type, Optional<String> manufacturer,
                              Optional<String> model, Optional<String> serialNumber, Optional<Power> power,
                              Optional<Length> wavelength, Optional<String> laserMedium) {
        public LightSource {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** How the image's objective (one of its instrument's, by id) was used. */
    public record ObjectiveSettings(String objectiveId, Optional<Double> correctionCollar, Optional<String> medium,
                                    Optional<Double> refractiveIndex) {
        public ObjectiveSettings {
            Objects.requireNonNull(objectiveId, "objectiveId");
        }
    }

    /** How a detector (of the image's instrument, by id) was set for one channel. */
    public record DetectorSettings(String detectorId, Optional<ElectricPotential> voltage, Optional<Double> gain,
                                   Optional<Double> offset, Optional<Frequency> readOutRate,
                                   Optional<String> binning, Optional<Integer> integration, Optional<Double> zoom) {
        public DetectorSettings {
            Objects.requireNonNull(detectorId, "detectorId");
        }
    }

    /** How a light source (of the image's instrument, by id) was used for one channel; attenuation is 0 to 1. */
    public record LightSettings(String lightSourceId, Optional<Double> attenuation, Optional<Length> wavelength) {
        public LightSettings {
            Objects.requireNonNull(lightSourceId, "lightSourceId");
        }
    }

    public record StageLabel(String name, Optional<Length> x, Optional<Length> y, Optional<Length> z) {
        public StageLabel {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Temperature, air pressure, and humidity and CO2 as fractions (0 to 1). */
    public record Environment(Optional<Temperature> temperature, Optional<Pressure> airPressure,
                              Optional<Double> humidity, Optional<Double> co2percent) {
    }

    public record Experiment(String id, Optional<String> type, Optional<String> description) {
        public Experiment {
            Objects.requireNonNull(id, "id");
        }
    }
}
