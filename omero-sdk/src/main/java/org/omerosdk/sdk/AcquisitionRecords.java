package org.omerosdk.sdk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.omerosdk.importer.NewImage;
import org.omerosdk.importer.format.AcquisitionMetadata;
import org.omerosdk.importer.format.ChannelMetadata;
import org.omerosdk.importer.format.PlaneMetadata;
import org.omerosdk.importer.format.SeriesMetadata;
import org.omerosdk.model.acquisition.Arc;
import org.omerosdk.model.acquisition.Detector;
import org.omerosdk.model.acquisition.DetectorSettings;
import org.omerosdk.model.acquisition.Experiment;
import org.omerosdk.model.acquisition.Filament;
import org.omerosdk.model.acquisition.ImagingEnvironment;
import org.omerosdk.model.acquisition.Instrument;
import org.omerosdk.model.acquisition.Laser;
import org.omerosdk.model.acquisition.LightEmittingDiode;
import org.omerosdk.model.acquisition.LightSettings;
import org.omerosdk.model.acquisition.LightSource;
import org.omerosdk.model.acquisition.Objective;
import org.omerosdk.model.acquisition.ObjectiveSettings;
import org.omerosdk.model.acquisition.StageLabel;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.core.PlaneInfo;

/**
 * Writes the acquisition metadata of a fileset's series inside the import's transaction: one Instrument (with its
 * objectives, detectors and light sources) and one Experiment per fileset however many images refer to them, and per
 * image its objective settings, stage label, imaging environment, its channels' detector and light-source settings
 * and its PlaneInfos. Text longer than its column is cut to fit, so that a verbose file does not fail its import.
 */
final class AcquisitionRecords {
    private record InstrumentRows(Instrument instrument, Map<String, Objective> objectives,
                                  Map<String, Detector> detectors, Map<String, LightSource> lightSources) {
    }

    private final WritePath w;
    private final Map<AcquisitionMetadata.Instrument, InstrumentRows> instruments = new HashMap<>();
    private final Map<AcquisitionMetadata.Experiment, Experiment> experiments = new HashMap<>();

    AcquisitionRecords(WritePath w) {
        this.w = w;
    }

    /** Before {@code image} is saved: creates what it and its logical channels refer to, and sets the references. */
    void refer(SeriesMetadata series, NewImage image) {
        AcquisitionMetadata a = series.acquisition();
        Optional<InstrumentRows> rows = a.instrument().map(this::instrument);
        rows.ifPresent(r -> image.image().setInstrument(r.instrument()));
        a.objectiveSettings().ifPresent(s -> {
            Objective objective = rows.map(r -> r.objectives().get(s.objectiveId())).orElse(null);
            if (objective != null) {
                ObjectiveSettings settings = new ObjectiveSettings(objective);
                settings.setSettings(s.correctionCollar().orElse(null), text(s.medium()),
                        s.refractiveIndex().orElse(null));
                image.image().setObjectiveSettings(w.create(settings));
            }
        });
        a.stageLabel().ifPresent(s -> {
            StageLabel label = new StageLabel(cut(s.name(), 255));
            label.setPosition(s.x().orElse(null), s.y().orElse(null), s.z().orElse(null));
            image.image().setStageLabel(w.create(label));
        });
        a.environment().ifPresent(e -> {
            ImagingEnvironment environment = new ImagingEnvironment();
            environment.setConditions(e.temperature().orElse(null), e.airPressure().orElse(null),
                    e.humidity().orElse(null), e.co2percent().orElse(null));
            image.image().setImagingEnvironment(w.create(environment));
        });
        a.experiment().ifPresent(e -> image.image().setExperiment(experiments.computeIfAbsent(e,
                x -> w.create(new Experiment(text(x.type()), x.description().map(d -> cut(d, 10000)).orElse(null))))));
        if (rows.isEmpty()) {
            return;
        }
        List<Channel> channels = image.channels();
        for (int c = 0; c < channels.size(); c++) {
            ChannelMetadata m = series.channels().get(c);
            LogicalChannel lc = channels.get(c).logicalChannel();
            m.detectorSettings().ifPresent(s -> {
                Detector detector = rows.get().detectors().get(s.detectorId());
                if (detector != null) {
                    DetectorSettings settings = new DetectorSettings(detector);
                    settings.setVoltage(s.voltage().orElse(null));
                    settings.setReadOutRate(s.readOutRate().orElse(null));
                    settings.setSettings(s.gain().orElse(null), s.offset().orElse(null), text(s.binning()),
                            s.integration().orElse(null), s.zoom().orElse(null));
                    lc.setDetectorSettings(w.create(settings));
                }
            });
            m.lightSettings().ifPresent(s -> {
                LightSource source = rows.get().lightSources().get(s.lightSourceId());
                if (source != null) {
                    LightSettings settings = new LightSettings(source);
                    settings.setSettings(s.attenuation().orElse(null), s.wavelength().orElse(null));
                    lc.setLightSourceSettings(w.create(settings));
                }
            });
        }
    }

    /** After the image's pixels are saved: its PlaneInfos. */
    void planes(SeriesMetadata series, Pixels pixels) {
        for (PlaneMetadata p : series.planes()) {
            PlaneInfo info = new PlaneInfo(pixels, p.theZ(), p.theC(), p.theT());
            p.deltaT().ifPresent(info::setDeltaT);
            p.exposureTime().ifPresent(info::setExposureTime);
            info.setPosition(p.positionX().orElse(null), p.positionY().orElse(null), p.positionZ().orElse(null));
            w.create(info);
        }
    }

    private InstrumentRows instrument(AcquisitionMetadata.Instrument m) {
        return instruments.computeIfAbsent(m, x -> {
            Instrument instrument = new Instrument(text(x.manufacturer()), text(x.model()));
            instrument.setNumbers(text(x.serialNumber()), text(x.lotNumber()));
            instrument = w.create(instrument);
            Map<String, Objective> objectives = new HashMap<>();
            for (AcquisitionMetadata.Objective o : x.objectives()) {
                Objective objective = new Objective(instrument);
                objective.setOptics(o.nominalMagnification().orElse(null), o.calibratedMagnification().orElse(null),
                        o.lensNA().orElse(null), text(o.immersion()), text(o.correction()),
                        o.workingDistance().orElse(null));
                objective.setModel(text(o.model()));
                objective.setIdentity(text(o.manufacturer()), text(o.serialNumber()));
                objectives.put(o.id(), w.create(objective));
            }
            Map<String, Detector> detectors = new HashMap<>();
            for (AcquisitionMetadata.Detector d : x.detectors()) {
                Detector detector = new Detector(instrument, text(d.type()), text(d.model()));
                detector.setIdentity(text(d.manufacturer()), text(d.serialNumber()));
                detector.setNominal(d.gain().orElse(null), d.voltage().orElse(null), d.offset().orElse(null),
                        d.zoom().orElse(null), d.amplificationGain().orElse(null));
                detectors.put(d.id(), w.create(detector));
            }
            Map<String, LightSource> sources = new HashMap<>();
            for (AcquisitionMetadata.LightSource l : x.lightSources()) {
                String model = text(l.model());
                LightSource source = switch (l.kind()) {
                    case LASER -> {
                        Laser laser = new Laser(instrument, model, l.wavelength().orElse(null));
                        laser.setLaserMedium(text(l.laserMedium()));
                        yield laser;
                    }
                    case FILAMENT -> new Filament(instrument, model);
                    case ARC -> new Arc(instrument, model);
                    case LIGHT_EMITTING_DIODE -> new LightEmittingDiode(instrument, model);
                };
                source.setDescription(text(l.manufacturer()), text(l.serialNumber()), l.power().orElse(null),
                        text(l.type()));
                sources.put(l.id(), w.create(source));
            }
            return new InstrumentRows(instrument, objectives, detectors, sources);
        });
    }

    private static String text(Optional<String> s) {
        return s.map(v -> cut(v, 255)).orElse(null);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
