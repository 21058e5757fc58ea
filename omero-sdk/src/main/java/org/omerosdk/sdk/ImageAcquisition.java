package org.omerosdk.sdk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.acquisition.Detector;
import org.omerosdk.model.acquisition.DetectorSettings;
import org.omerosdk.model.acquisition.Experiment;
import org.omerosdk.model.acquisition.ImagingEnvironment;
import org.omerosdk.model.acquisition.Instrument;
import org.omerosdk.model.acquisition.LightSettings;
import org.omerosdk.model.acquisition.LightSource;
import org.omerosdk.model.acquisition.Objective;
import org.omerosdk.model.acquisition.ObjectiveSettings;
import org.omerosdk.model.acquisition.StageLabel;

/**
 * How an image was acquired, as {@link Images#acquisition} reads it: the instrument with its objectives, detectors
 * and light sources, the image's objective settings, stage label, imaging environment and experiment, and per
 * channel the detector and light-source settings. Each row is there only when the caller may see it (the permissions
 * decide on each stored row); the settings refer to the instrument's parts, loaded when those are here.
 *
 * @param channels one entry per channel of the image, in index order
 */
public record ImageAcquisition(Optional<Instrument> instrument, List<Objective> objectives, List<Detector> detectors,
                               List<LightSource> lightSources, Optional<ObjectiveSettings> objectiveSettings,
                               List<ChannelAcquisition> channels, Optional<StageLabel> stageLabel,
                               Optional<ImagingEnvironment> imagingEnvironment, Optional<Experiment> experiment) {
    public ImageAcquisition {
        Objects.requireNonNull(instrument, "instrument");
        objectives = List.copyOf(objectives);
        detectors = List.copyOf(detectors);
        lightSources = List.copyOf(lightSources);
        Objects.requireNonNull(objectiveSettings, "objectiveSettings");
        channels = List.copyOf(channels);
        Objects.requireNonNull(stageLabel, "stageLabel");
        Objects.requireNonNull(imagingEnvironment, "imagingEnvironment");
        Objects.requireNonNull(experiment, "experiment");
    }

    /** How channel {@code index}'s detector and light source were set. */
    public record ChannelAcquisition(int index, Optional<DetectorSettings> detectorSettings,
                                     Optional<LightSettings> lightSettings) {
        public ChannelAcquisition {
            Objects.requireNonNull(detectorSettings, "detectorSettings");
            Objects.requireNonNull(lightSettings, "lightSettings");
        }
    }
}
