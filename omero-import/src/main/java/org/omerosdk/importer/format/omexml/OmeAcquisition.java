package org.omerosdk.importer.format.omexml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.omerosdk.importer.format.AcquisitionMetadata;
import org.omerosdk.importer.format.AcquisitionMetadata.LightSourceKind;
import org.omerosdk.importer.format.PlaneMetadata;
import org.omerosdk.model.units.ElectricPotential;
import org.omerosdk.model.units.Frequency;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.Power;
import org.omerosdk.model.units.Pressure;
import org.omerosdk.model.units.Temperature;
import org.omerosdk.model.units.Time;
import org.omerosdk.model.units.UnitsElectricPotential;
import org.omerosdk.model.units.UnitsFrequency;
import org.omerosdk.model.units.UnitsLength;
import org.omerosdk.model.units.UnitsPower;
import org.omerosdk.model.units.UnitsPressure;
import org.omerosdk.model.units.UnitsTemperature;
import org.omerosdk.model.units.UnitsTime;
import org.w3c.dom.Element;

/**
 * The acquisition metadata of OME-XML (2016-06 schema): instruments with their parts, the experiments, and per image
 * the references to them, its objective settings, stage label, imaging environment, the channels' detector and
 * light-source settings and the planes. Units default as the schema says (seconds for times, the reference frame for
 * stage positions, µm for working distances, nm for wavelengths, V, MHz, mW, °C and mbar). A value that is not a
 * finite number, or in a unit OME does not name, is left unknown; a reference to an id the file does not define is
 * dropped. Shared by the readers, not an API.
 */
public final class OmeAcquisition {
    private final Map<String, AcquisitionMetadata.Instrument> instruments = new LinkedHashMap<>();
    private final Map<String, AcquisitionMetadata.Experiment> experiments = new LinkedHashMap<>();

    private static final Map<String, LightSourceKind> KINDS = Map.of("Laser", LightSourceKind.LASER, "Filament",
            LightSourceKind.FILAMENT, "Arc", LightSourceKind.ARC, "LightEmittingDiode",
            LightSourceKind.LIGHT_EMITTING_DIODE);

    /** The instruments and experiments {@code root} (an {@code <OME>} element) defines. */
    public OmeAcquisition(Element root) {
        for (Element i : OmeXml.children(root, "Instrument")) {
            Optional<String> id = OmeXml.attr(i, "ID");
            if (id.isEmpty()) {
                continue;
            }
            Optional<Element> scope = OmeXml.child(i, "Microscope");
            List<AcquisitionMetadata.Objective> objectives = new ArrayList<>();
            for (Element o : OmeXml.children(i, "Objective")) {
                OmeXml.attr(o, "ID").ifPresent(oid -> objectives.add(new AcquisitionMetadata.Objective(oid,
                        OmeXml.attr(o, "Manufacturer"), OmeXml.attr(o, "Model"), OmeXml.attr(o, "SerialNumber"),
                        finite(o, "NominalMagnification"), finite(o, "CalibratedMagnification"),
                        finite(o, "LensNA"), OmeXml.attr(o, "Immersion"), OmeXml.attr(o, "Correction"),
                        length(o, "WorkingDistance", UnitsLength.MICROMETER))));
            }
            List<AcquisitionMetadata.Detector> detectors = new ArrayList<>();
            for (Element d : OmeXml.children(i, "Detector")) {
                OmeXml.attr(d, "ID").ifPresent(did -> detectors.add(new AcquisitionMetadata.Detector(did,
                        OmeXml.attr(d, "Type"), OmeXml.attr(d, "Manufacturer"), OmeXml.attr(d, "Model"),
                        OmeXml.attr(d, "SerialNumber"), finite(d, "Gain"), voltage(d, "Voltage"),
                        finite(d, "Offset"), finite(d, "Zoom"), finite(d, "AmplificationGain"))));
            }
            List<AcquisitionMetadata.LightSource> sources = new ArrayList<>();
            for (Map.Entry<String, LightSourceKind> k : KINDS.entrySet()) {
                for (Element l : OmeXml.children(i, k.getKey())) {
                    boolean laser = k.getValue() == LightSourceKind.LASER;
                    OmeXml.attr(l, "ID").ifPresent(lid -> sources.add(new AcquisitionMetadata.LightSource(lid,
                            k.getValue(), OmeXml.attr(l, "Type"), OmeXml.attr(l, "Manufacturer"),
                            OmeXml.attr(l, "Model"), OmeXml.attr(l, "SerialNumber"),
                            quantity(l, "Power", UnitsPower::bySymbol, UnitsPower.MILLIWATT, Power::of),
                            laser ? length(l, "Wavelength", UnitsLength.NANOMETER) : Optional.empty(),
                            laser ? OmeXml.attr(l, "LaserMedium") : Optional.empty())));
                }
            }
            // the file's order, whatever kind
            sources.sort(java.util.Comparator.comparingInt(s -> order(i, s.id())));
            instruments.put(id.get(), new AcquisitionMetadata.Instrument(id.get(),
                    scope.flatMap(m -> OmeXml.attr(m, "Manufacturer")), scope.flatMap(m -> OmeXml.attr(m, "Model")),
                    scope.flatMap(m -> OmeXml.attr(m, "SerialNumber")),
                    scope.flatMap(m -> OmeXml.attr(m, "LotNumber")), objectives, detectors, sources));
        }
        for (Element e : OmeXml.children(root, "Experiment")) {
            OmeXml.attr(e, "ID").ifPresent(id -> experiments.put(id, new AcquisitionMetadata.Experiment(id,
                    OmeXml.attr(e, "Type"), OmeXml.child(e, "Description").map(Element::getTextContent)
                            .map(String::trim).filter(t -> !t.isEmpty()))));
        }
    }

    private static int order(Element instrument, String id) {
        int n = 0;
        for (org.w3c.dom.Node c = instrument.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                if (id.equals(e.getAttribute("ID"))) {
                    return n;
                }
                n++;
            }
        }
        return n;
    }

    /** What {@code image} (an {@code <Image>} element) refers to and states about its acquisition. */
    public AcquisitionMetadata of(Element image) {
        Optional<AcquisitionMetadata.Instrument> instrument = OmeXml.child(image, "InstrumentRef")
                .flatMap(r -> OmeXml.attr(r, "ID")).map(instruments::get);
        Optional<AcquisitionMetadata.ObjectiveSettings> objective = OmeXml.child(image, "ObjectiveSettings")
                .flatMap(s -> OmeXml.attr(s, "ID").filter(id -> instrument.isPresent() && instrument.get()
                                .objectives().stream().anyMatch(o -> o.id().equals(id)))
                        .map(id -> new AcquisitionMetadata.ObjectiveSettings(id, finite(s, "CorrectionCollar"),
                                OmeXml.attr(s, "Medium"), finite(s, "RefractiveIndex"))));
        Optional<AcquisitionMetadata.StageLabel> stage = OmeXml.child(image, "StageLabel")
                .map(s -> new AcquisitionMetadata.StageLabel(OmeXml.attr(s, "Name").orElse(""),
                        position(s, "X"), position(s, "Y"), position(s, "Z")));
        Optional<AcquisitionMetadata.Environment> environment = OmeXml.child(image, "ImagingEnvironment")
                .map(e -> new AcquisitionMetadata.Environment(
                        quantity(e, "Temperature", UnitsTemperature::bySymbol, UnitsTemperature.CELSIUS,
                                Temperature::of),
                        quantity(e, "AirPressure", UnitsPressure::bySymbol, UnitsPressure.MILLIBAR, Pressure::of),
                        finite(e, "Humidity"), finite(e, "CO2Percent")));
        Optional<AcquisitionMetadata.Experiment> experiment = OmeXml.child(image, "ExperimentRef")
                .flatMap(r -> OmeXml.attr(r, "ID")).map(experiments::get);
        return new AcquisitionMetadata(instrument, objective, stage, environment, experiment);
    }

    /**
     * The detector settings of {@code channel} (a {@code <Channel>} element of an image described by
     * {@code acquisition}), when they name one of its instrument's detectors.
     */
    public static Optional<AcquisitionMetadata.DetectorSettings> detectorSettings(Element channel,
                                                                                 AcquisitionMetadata acquisition) {
        return OmeXml.child(channel, "DetectorSettings").flatMap(s -> OmeXml.attr(s, "ID")
                .filter(id -> acquisition.instrument().isPresent() && acquisition.instrument().get().detectors()
                        .stream().anyMatch(d -> d.id().equals(id)))
                .map(id -> new AcquisitionMetadata.DetectorSettings(id, voltage(s, "Voltage"), finite(s, "Gain"),
                        finite(s, "Offset"), quantity(s, "ReadOutRate", UnitsFrequency::bySymbol,
                                UnitsFrequency.MEGAHERTZ, Frequency::of),
                        OmeXml.attr(s, "Binning"), finite(s, "Integration").map(Double::intValue),
                        finite(s, "Zoom"))));
    }

    /** The light-source settings of {@code channel}, when they name one of its instrument's light sources. */
    public static Optional<AcquisitionMetadata.LightSettings> lightSettings(Element channel,
                                                                           AcquisitionMetadata acquisition) {
        return OmeXml.child(channel, "LightSourceSettings").flatMap(s -> OmeXml.attr(s, "ID")
                .filter(id -> acquisition.instrument().isPresent() && acquisition.instrument().get()
                        .lightSources().stream().anyMatch(l -> l.id().equals(id)))
                .map(id -> new AcquisitionMetadata.LightSettings(id, finite(s, "Attenuation"),
                        length(s, "Wavelength", UnitsLength.NANOMETER))));
    }

    /** The {@code <Plane>} elements of {@code pixels}, in the file's order. */
    public static List<PlaneMetadata> planes(Element pixels) {
        List<PlaneMetadata> out = new ArrayList<>();
        for (Element p : OmeXml.children(pixels, "Plane")) {
            Optional<Double> z = finite(p, "TheZ");
            Optional<Double> c = finite(p, "TheC");
            Optional<Double> t = finite(p, "TheT");
            if (z.isEmpty() || c.isEmpty() || t.isEmpty()) {
                continue;
            }
            out.add(new PlaneMetadata(z.get().intValue(), c.get().intValue(), t.get().intValue(),
                    time(p, "DeltaT"), time(p, "ExposureTime"), position(p, "PositionX"), position(p, "PositionY"),
                    position(p, "PositionZ")));
        }
        return out;
    }

    private static Optional<Double> finite(Element e, String name) {
        return OmeXml.number(e, name).filter(Double::isFinite);
    }

    private static <U, Q> Optional<Q> quantity(Element e, String name, Function<String, Optional<U>> units,
                                               U fallback, BiFunction<Double, U, Q> make) {
        Optional<Double> v = finite(e, name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> unit = OmeXml.attr(e, name + "Unit");
        Optional<U> u = unit.isEmpty() ? Optional.of(fallback) : units.apply(unit.get().trim());
        return u.map(x -> make.apply(v.get(), x));
    }

    private static Optional<Length> length(Element e, String name, UnitsLength fallback) {
        return quantity(e, name, OmeAcquisition::lengthUnit, fallback, Length::of);
    }

    /** Any of OME's length units, the non-physical ones too (physical sizes refuse those: {@link UnitNames}). */
    private static Optional<UnitsLength> lengthUnit(String symbol) {
        for (UnitsLength u : UnitsLength.values()) {
            if (u.symbol().equals(symbol)) {
                return Optional.of(u);
            }
        }
        return UnitNames.length(symbol);
    }

    private static Optional<Length> position(Element e, String name) {
        return length(e, name, UnitsLength.REFERENCEFRAME);
    }

    private static Optional<Time> time(Element e, String name) {
        return quantity(e, name, UnitNames::time, UnitsTime.SECOND, Time::of);
    }

    private static Optional<ElectricPotential> voltage(Element e, String name) {
        return quantity(e, name, UnitsElectricPotential::bySymbol, UnitsElectricPotential.VOLT,
                ElectricPotential::of);
    }
}
