package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.NotFoundException;
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
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.PlaneInfo;
import org.omerosdk.model.meta.IObject;
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
import org.omerosdk.render.codec.tiff.TiffTags;
import org.omerosdk.render.codec.tiff.TiffWriter;

/**
 * The acquisition metadata an OME-TIFF carries — planes (z/c/t, delta-t, exposure, stage position), the instrument
 * with its objectives, detectors and light sources, objective settings, the channels' detector and light-source
 * settings, stage label, imaging environment, experiment — is stored by the import in the same transaction as the
 * image and read back through {@code session.images().planeInfos(image)} and {@code acquisition(image)}, with its
 * units, for those who may see the image only; deleting the image removes what only it used.
 */
class AcquisitionMetadataTest {
    static final Path AICS = ImportPipelineTest.TESTDATA
            .resolve("AllenCellModeling__aicsimageio/aicsimageio/tests/resources/s_1_t_1_c_1_z_1.ome.tiff");
    static final Path MULTISERIES = ImportPipelineTest.TESTDATA
            .resolve("BMCV__galaxy-image-analysis/tools/split_image/test-data/multiseries.ome.tiff");

    @TempDir
    static Path dir;
    private static Lab lab;
    private static Session ada;

    @BeforeAll
    static void open() {
        lab = Lab.open(DatabaseTarget.H2, dir);
        ada = lab.as("ada");
    }

    @AfterAll
    static void close() {
        lab.close();
    }

    private static Image importOne(Session s, Path file) {
        Assumptions.assumeTrue(Files.isRegularFile(file), "no sample data: " + file);
        ImportResult r = s.imports().importFiles(List.of(file));
        assertTrue(r.ok(), () -> "import failed: " + r.failures());
        return r.images().get(0);
    }

    @Test
    void theAicsPlaneIsStoredWithItsDeltaTExposureAndStagePosition() {
        List<PlaneInfo> planes = ada.images().planeInfos(importOne(ada, AICS));
        assertEquals(1, planes.size());
        PlaneInfo p = planes.get(0);
        assertEquals(List.of(0, 0, 0), List.of(p.theZ(), p.theC(), p.theT()));
        assertEquals(Time.of(0.4960000514984131, UnitsTime.SECOND), p.deltaT().orElseThrow());
        assertEquals(Time.of(10.0, UnitsTime.SECOND), p.exposureTime().orElseThrow());
        assertEquals(Length.of(43427.982, UnitsLength.REFERENCEFRAME), p.positionX().orElseThrow());
        assertEquals(Length.of(42720.296, UnitsLength.REFERENCEFRAME), p.positionY().orElseThrow());
        assertEquals(Length.of(9801.29, UnitsLength.REFERENCEFRAME), p.positionZ().orElseThrow());
    }

    @Test
    void theAicsInstrumentObjectiveAndDetectorSettingsAreStored() {
        assertAicsAcquisition(ada, importOne(ada, AICS));
    }

    static void assertAicsAcquisition(Session s, Image image) {
        ImageAcquisition a = s.images().acquisition(image);
        Instrument instrument = a.instrument().orElseThrow();
        assertTrue(instrument.manufacturer().isEmpty(), "the file names no microscope manufacturer");
        assertEquals(1, a.objectives().size());
        Objective o = a.objectives().get(0);
        assertEquals(instrument.id(), o.instrument().id());
        assertEquals("Plan-Apochromat 20x/0.8 M27", o.model().orElseThrow());
        assertEquals(20.0, o.nominalMagnification().orElseThrow());
        assertEquals(0.8, o.lensNA().orElseThrow());
        assertEquals("Air", o.immersion().orElseThrow());
        assertEquals(Length.of(610.0, UnitsLength.MICROMETER), o.workingDistance().orElseThrow());
        assertEquals(1, a.detectors().size());
        Detector d = a.detectors().get(0);
        assertEquals("HDCamC11440-22C", d.model().orElseThrow());
        assertTrue(a.lightSources().isEmpty());
        ObjectiveSettings os = a.objectiveSettings().orElseThrow();
        assertEquals(o.id(), os.objective().id());
        assertEquals("Air", os.medium().orElseThrow());
        assertEquals(1.000293, os.refractiveIndex().orElseThrow());
        assertEquals(1, a.channels().size());
        DetectorSettings ds = a.channels().get(0).detectorSettings().orElseThrow();
        assertEquals(d.id(), ds.detector().id());
        assertEquals("4x4", ds.binning().orElseThrow());
        assertEquals(0.0, ds.gain().orElseThrow());
        assertTrue(a.channels().get(0).lightSettings().isEmpty());
        assertTrue(a.stageLabel().isEmpty() && a.imagingEnvironment().isEmpty() && a.experiment().isEmpty(),
                "the file states no stage label, environment or experiment: " + a);
    }

    @Test
    void theImagesOfOneFileShareItsInstrumentAndKeepTheirOwnPlanes() {
        Assumptions.assumeTrue(Files.isRegularFile(MULTISERIES), "no sample data");
        ImportResult r = ada.imports().importFiles(List.of(MULTISERIES));
        assertTrue(r.ok(), () -> "import failed: " + r.failures());
        List<Image> images = r.images();
        assertTrue(images.size() > 1, "a multi-series file");
        Set<Long> instruments = new java.util.HashSet<>();
        for (Image i : images) {
            ImageAcquisition a = ada.images().acquisition(i);
            instruments.add(a.instrument().orElseThrow().id());
            assertEquals(1, a.objectives().size());
            assertEquals("Other", a.objectives().get(0).correction().orElseThrow());
            assertEquals(0.0, a.objectives().get(0).nominalMagnification().orElseThrow());
            assertEquals(a.objectives().get(0).id(), a.objectiveSettings().orElseThrow().objective().id());
            List<PlaneInfo> planes = ada.images().planeInfos(i);
            assertEquals(List.of(0, 1, 2, 3), planes.stream().map(PlaneInfo::theC).toList());
            assertEquals(List.of(0.029999999329447746, 0.20000000298023224, 0.20000000298023224,
                    0.20000000298023224), planes.stream().map(p -> p.exposureTime().orElseThrow().value()).toList());
        }
        assertEquals(1, instruments.size(), "one Instrument row for the file's one Instrument");
        PlaneInfo first = ada.images().planeInfos(images.get(0)).get(0);
        assertEquals(Time.of(945.7210083007812, UnitsTime.SECOND), first.deltaT().orElseThrow());
        assertEquals(Length.of(25498.0, UnitsLength.REFERENCEFRAME), first.positionX().orElseThrow());
        assertEquals(Length.of(3.9760132, UnitsLength.REFERENCEFRAME), first.positionZ().orElseThrow());
        PlaneInfo second = ada.images().planeInfos(images.get(1)).get(0);
        assertEquals(Length.of(26315.0, UnitsLength.REFERENCEFRAME), second.positionX().orElseThrow());
    }

    /** Two channels, each kind of light source, every setting and the image's own acquisition elements. */
    static final String FULL_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06" Creator="AcquisitionMetadataTest">
             <Experiment ID="Experiment:0" Type="FRET"><Description>donor and acceptor</Description></Experiment>
             <Instrument ID="Instrument:0">
              <Microscope Manufacturer="Zeiss" Model="LSM 980" SerialNumber="SN-1" LotNumber="L-7" Type="Inverted"/>
              <Laser ID="LightSource:0" Manufacturer="Coherent" Model="OBIS" SerialNumber="LS-1" Power="40"
                     PowerUnit="mW" Type="SemiconductorLaser" LaserMedium="GaN" Wavelength="488"/>
              <Arc ID="LightSource:1" Model="HBO 100" Type="Hg" Power="100" PowerUnit="W"/>
              <Filament ID="LightSource:2" Model="HAL 100" Type="Halogen"/>
              <LightEmittingDiode ID="LightSource:3" Model="Colibri 7"/>
              <Detector ID="Detector:0" Manufacturer="Hamamatsu" Model="ORCA" SerialNumber="D-9" Type="CMOS"
                        Gain="2.5" Voltage="700" VoltageUnit="mV" Offset="1" Zoom="1.5" AmplificationGain="3"/>
              <Objective ID="Objective:0" Manufacturer="Zeiss" Model="Plan-Apo 63x" NominalMagnification="63"
                         CalibratedMagnification="62.5" LensNA="1.4" Immersion="Oil" Correction="PlanApo"
                         WorkingDistance="0.19" WorkingDistanceUnit="mm"/>
             </Instrument>
             <Image ID="Image:0" Name="full">
              <ExperimentRef ID="Experiment:0"/>
              <InstrumentRef ID="Instrument:0"/>
              <ObjectiveSettings ID="Objective:0" CorrectionCollar="0.17" Medium="Oil" RefractiveIndex="1.518"/>
              <ImagingEnvironment Temperature="37" AirPressure="1013" Humidity="0.9" CO2Percent="0.05"/>
              <StageLabel Name="well B3" X="-120.5" XUnit="µm" Y="0" YUnit="µm" Z="12"/>
              <Pixels ID="Pixels:0" DimensionOrder="XYCZT" Type="uint8" SizeX="4" SizeY="4" SizeZ="1" SizeC="2"
                      SizeT="1">
               <Channel ID="Channel:0:0" Name="donor" SamplesPerPixel="1">
                <LightSourceSettings ID="LightSource:0" Attenuation="0.25" Wavelength="488"/>
                <DetectorSettings ID="Detector:0" Voltage="650" Gain="2" Offset="0.5" ReadOutRate="20"
                                  Binning="2x2" Integration="3" Zoom="1"/>
               </Channel>
               <Channel ID="Channel:0:1" Name="acceptor" SamplesPerPixel="1">
                <LightSourceSettings ID="LightSource:1"/>
                <DetectorSettings ID="Detector:404"/>
               </Channel>
               <TiffData IFD="0" PlaneCount="2"/>
               <Plane TheZ="0" TheC="0" TheT="0" DeltaT="1500" DeltaTUnit="ms" ExposureTime="20" ExposureTimeUnit="ms"
                      PositionX="-1.5" PositionXUnit="mm" PositionY="2" PositionYUnit="mm"/>
               <Plane TheZ="0" TheC="1" TheT="0" ExposureTime="0.5"/>
               <Plane TheZ="0" TheC="5" TheT="0" ExposureTime="9"/>
              </Pixels>
             </Image>
            </OME>
            """;

    /** A two-plane 4x4 uint8 OME-TIFF whose ImageDescription is {@code xml}. */
    static Path omeTiff(Path folder, String name, String xml) throws IOException {
        Path file = Files.createDirectories(folder).resolve(name);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            TiffWriter out = new TiffWriter(ch, false);
            List<List<TiffWriter.Entry>> ifds = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                ByteBuffer plane = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                for (int k = 0; k < 16; k++) {
                    plane.put((byte) (k + 16 * p));
                }
                plane.flip();
                long offset = out.writeBlock(plane);
                List<TiffWriter.Entry> e = new ArrayList<>();
                e.add(TiffWriter.Entry.of(TiffTags.IMAGE_WIDTH, TiffWriter.LONG, 4));
                e.add(TiffWriter.Entry.of(TiffTags.IMAGE_LENGTH, TiffWriter.LONG, 4));
                e.add(TiffWriter.Entry.of(TiffTags.BITS_PER_SAMPLE, TiffWriter.SHORT, 8));
                e.add(TiffWriter.Entry.of(TiffTags.COMPRESSION, TiffWriter.SHORT, TiffTags.COMPRESSION_NONE));
                e.add(TiffWriter.Entry.of(TiffTags.PHOTOMETRIC, TiffWriter.SHORT, TiffTags.PHOTOMETRIC_BLACK_IS_ZERO));
                if (p == 0) {
                    e.add(TiffWriter.Entry.ascii(TiffTags.IMAGE_DESCRIPTION, xml));
                }
                e.add(TiffWriter.Entry.of(TiffTags.STRIP_OFFSETS, out.offsetType(), offset));
                e.add(TiffWriter.Entry.of(TiffTags.SAMPLES_PER_PIXEL, TiffWriter.SHORT, 1));
                e.add(TiffWriter.Entry.of(TiffTags.ROWS_PER_STRIP, TiffWriter.LONG, 4));
                e.add(TiffWriter.Entry.of(TiffTags.STRIP_BYTE_COUNTS, out.offsetType(), 16));
                ifds.add(e);
            }
            long next = 0;
            for (int i = ifds.size() - 1; i >= 0; i--) {
                next = out.writeIfd(ifds.get(i), next);
            }
            out.writeHeader(next);
        }
        return file;
    }

    @Test
    void everyKindOfLightSourceAndTheImagesOwnAcquisitionElementsAreStored() throws IOException {
        Image image = importOne(ada, omeTiff(dir.resolve("full"), "full.ome.tif", FULL_XML));
        ImageAcquisition a = ada.images().acquisition(image);
        Instrument instrument = a.instrument().orElseThrow();
        assertEquals(List.of("Zeiss", "LSM 980", "SN-1", "L-7"), List.of(instrument.manufacturer().orElseThrow(),
                instrument.model().orElseThrow(), instrument.serialNumber().orElseThrow(),
                instrument.lotNumber().orElseThrow()));
        Map<String, LightSource> byModel = a.lightSources().stream()
                .collect(Collectors.toMap(l -> l.model().orElseThrow(), l -> l));
        Laser laser = (Laser) byModel.get("OBIS");
        assertEquals(Length.of(488, UnitsLength.NANOMETER), laser.wavelength().orElseThrow());
        assertEquals(Power.of(40, UnitsPower.MILLIWATT), laser.power().orElseThrow());
        assertEquals("SemiconductorLaser", laser.type().orElseThrow());
        assertEquals("GaN", laser.laserMedium().orElseThrow());
        assertEquals(List.of("Coherent", "LS-1"), List.of(laser.manufacturer().orElseThrow(),
                laser.serialNumber().orElseThrow()));
        Arc arc = (Arc) byModel.get("HBO 100");
        assertEquals("Hg", arc.type().orElseThrow());
        assertEquals(Power.of(100, UnitsPower.WATT), arc.power().orElseThrow());
        assertEquals("Halogen", ((Filament) byModel.get("HAL 100")).type().orElseThrow());
        assertTrue(byModel.get("Colibri 7") instanceof LightEmittingDiode);

        Detector d = a.detectors().get(0);
        assertEquals(List.of("CMOS", "Hamamatsu", "ORCA", "D-9"), List.of(d.type().orElseThrow(),
                d.manufacturer().orElseThrow(), d.model().orElseThrow(), d.serialNumber().orElseThrow()));
        assertEquals(ElectricPotential.of(700, UnitsElectricPotential.MILLIVOLT), d.voltage().orElseThrow());
        assertEquals(List.of(2.5, 1.0, 1.5, 3.0), List.of(d.gain().orElseThrow(), d.offsetValue().orElseThrow(),
                d.zoom().orElseThrow(), d.amplificationGain().orElseThrow()));
        Objective o = a.objectives().get(0);
        assertEquals(62.5, o.calibratedMagnification().orElseThrow());
        assertEquals(1.4, o.lensNA().orElseThrow());
        assertEquals("PlanApo", o.correction().orElseThrow());
        assertEquals(Length.of(0.19, UnitsLength.MILLIMETER), o.workingDistance().orElseThrow());
        assertEquals(0.17, a.objectiveSettings().orElseThrow().correctionCollar().orElseThrow());

        // channel 0: both settings, OME's default units (V, MHz, nm); channel 1: a light source without values
        // and a detector the file does not define (dropped)
        DetectorSettings ds = a.channels().get(0).detectorSettings().orElseThrow();
        assertEquals(d.id(), ds.detector().id());
        assertEquals(ElectricPotential.of(650, UnitsElectricPotential.VOLT), ds.voltage().orElseThrow());
        assertEquals(Frequency.of(20, UnitsFrequency.MEGAHERTZ), ds.readOutRate().orElseThrow());
        assertEquals("2x2", ds.binning().orElseThrow());
        assertEquals(3, ds.integration().orElseThrow());
        assertEquals(List.of(2.0, 0.5, 1.0), List.of(ds.gain().orElseThrow(), ds.offsetValue().orElseThrow(),
                ds.zoom().orElseThrow()));
        LightSettings ls = a.channels().get(0).lightSettings().orElseThrow();
        assertEquals(laser.id(), ls.lightSource().id());
        assertEquals(0.25, ls.attenuation().orElseThrow());
        assertEquals(Length.of(488, UnitsLength.NANOMETER), ls.wavelength().orElseThrow());
        LightSettings arcSettings = a.channels().get(1).lightSettings().orElseThrow();
        assertEquals(arc.id(), arcSettings.lightSource().id());
        assertTrue(arcSettings.attenuation().isEmpty() && arcSettings.wavelength().isEmpty());
        assertTrue(a.channels().get(1).detectorSettings().isEmpty(), "Detector:404 is not in the file");

        StageLabel stage = a.stageLabel().orElseThrow();
        assertEquals("well B3", stage.name());
        assertEquals(Length.of(-120.5, UnitsLength.MICROMETER), stage.positionX().orElseThrow());
        assertEquals(Length.of(0, UnitsLength.MICROMETER), stage.positionY().orElseThrow());
        assertEquals(Length.of(12, UnitsLength.REFERENCEFRAME), stage.positionZ().orElseThrow());
        ImagingEnvironment env = a.imagingEnvironment().orElseThrow();
        assertEquals(Temperature.of(37, UnitsTemperature.CELSIUS), env.temperature().orElseThrow());
        assertEquals(Pressure.of(1013, UnitsPressure.MILLIBAR), env.airPressure().orElseThrow());
        assertEquals(List.of(0.9, 0.05), List.of(env.humidity().orElseThrow(), env.co2percent().orElseThrow()));
        Experiment experiment = a.experiment().orElseThrow();
        assertEquals("FRET", experiment.type().orElseThrow());
        assertEquals("donor and acceptor", experiment.description().orElseThrow());

        List<PlaneInfo> planes = ada.images().planeInfos(image);
        assertEquals(2, planes.size(), "the plane with TheC=5 lies outside the image and is dropped");
        assertEquals(Time.of(1500, UnitsTime.MILLISECOND), planes.get(0).deltaT().orElseThrow());
        assertEquals(Time.of(20, UnitsTime.MILLISECOND), planes.get(0).exposureTime().orElseThrow());
        assertEquals(Length.of(-1.5, UnitsLength.MILLIMETER), planes.get(0).positionX().orElseThrow());
        assertTrue(planes.get(0).positionZ().isEmpty());
        assertEquals(Time.of(0.5, UnitsTime.SECOND), planes.get(1).exposureTime().orElseThrow());
        assertTrue(planes.get(1).deltaT().isEmpty() && planes.get(1).positionX().isEmpty());
        // the channel's settings are the logical channel's, as in OMERO
        LogicalChannel lc = ada.images().channels(image).get(0).logicalChannel();
        assertEquals(ds.id(), lc.detectorSettings().orElseThrow().id());
        assertEquals(ls.id(), lc.lightSourceSettings().orElseThrow().id());
    }

    @Test
    void aPrivateGroupsOtherMemberCannotReadThePlanesOrTheAcquisition() {
        Image image = importOne(ada, AICS);
        Session bob = lab.as("bob");
        assertEquals(ada.context().groupId(), bob.context().groupId(), "bob is in ada's private group");
        assertThrows(NotFoundException.class, () -> bob.images().planeInfos(image));
        assertThrows(NotFoundException.class, () -> bob.images().acquisition(image));
        assertEquals(1, ada.images().planeInfos(image).size(), "the owner still reads them");
    }

    @Test
    void aUserOfAnotherGroupCannotReadThePlanesOrTheAcquisition() {
        Image image = importOne(ada, AICS);
        Session eve = lab.as("eve");
        assertThrows(NotFoundException.class, () -> eve.images().planeInfos(image));
        assertThrows(NotFoundException.class, () -> eve.images().acquisition(image));
    }

    @Test
    void aMemberOfAReadOnlyGroupReadsTheOwnersAcquisition() {
        Session adaReadOnly = ada.withGroup(lab.group("readOnly"));
        Image image = importOne(adaReadOnly, AICS);
        Session bob = lab.as("bob").withGroup(lab.group("readOnly"));
        assertEquals(1, bob.images().planeInfos(image).size());
        assertEquals("HDCamC11440-22C", bob.images().acquisition(image).detectors().get(0).model().orElseThrow());
    }

    /** The rows of {@code type} whose id is in {@code ids}, read by the system (no permission filter). */
    private static long stored(Class<? extends IObject> type, List<Long> ids) {
        return lab.sdk.store().read(Bootstrap.SYSTEM_CONTEXT, q -> q.count(Select.from(type).where("o.id in :v",
                ids.isEmpty() ? List.of(-1L) : ids)));
    }

    @Test
    void deletingTheImageRemovesItsPlanesAndTheAcquisitionRowsOnlyItUsed() throws IOException {
        Image image = importOne(ada, omeTiff(dir.resolve("deleted"), "full.ome.tif", FULL_XML));
        ImageAcquisition a = ada.images().acquisition(image);
        Map<Class<? extends IObject>, List<Long>> rows = new java.util.LinkedHashMap<>();
        rows.put(PlaneInfo.class, ada.images().planeInfos(image).stream().map(IObject::id).toList());
        rows.put(Instrument.class, List.of(a.instrument().orElseThrow().id()));
        rows.put(Objective.class, a.objectives().stream().map(IObject::id).toList());
        rows.put(Detector.class, a.detectors().stream().map(IObject::id).toList());
        rows.put(LightSource.class, a.lightSources().stream().map(IObject::id).toList());
        rows.put(ObjectiveSettings.class, List.of(a.objectiveSettings().orElseThrow().id()));
        rows.put(DetectorSettings.class, List.of(a.channels().get(0).detectorSettings().orElseThrow().id()));
        rows.put(LightSettings.class, a.channels().stream().map(c -> c.lightSettings().orElseThrow().id()).toList());
        rows.put(StageLabel.class, List.of(a.stageLabel().orElseThrow().id()));
        rows.put(ImagingEnvironment.class, List.of(a.imagingEnvironment().orElseThrow().id()));
        rows.put(Experiment.class, List.of(a.experiment().orElseThrow().id()));
        for (Map.Entry<Class<? extends IObject>, List<Long>> e : rows.entrySet()) {
            assertFalse(e.getValue().isEmpty(), e.getKey().getSimpleName());
            assertEquals(e.getValue().size(), stored(e.getKey(), e.getValue()), e.getKey().getSimpleName());
        }
        ada.graphs().delete(image);
        for (Map.Entry<Class<? extends IObject>, List<Long>> e : rows.entrySet()) {
            assertEquals(0, stored(e.getKey(), e.getValue()), e.getKey().getSimpleName() + " rows left behind");
        }
    }

    @Test
    void deletingOneOfTwoImagesKeepsTheExperimentTheOtherStillUses() throws IOException {
        String two = FULL_XML.replace("</OME>", FULL_XML.substring(FULL_XML.indexOf("<Image "),
                FULL_XML.indexOf("</OME>")).replace("Image:0", "Image:1").replace("Pixels:0", "Pixels:1")
                .replace("Name=\"full\"", "Name=\"second\"") + "</OME>");
        ImportResult r = ada.imports().importFiles(List.of(omeTiff(dir.resolve("two"), "two.ome.tif", two)));
        assertTrue(r.ok(), () -> "import failed: " + r.failures());
        assertEquals(2, r.images().size());
        ImageAcquisition first = ada.images().acquisition(r.images().get(0));
        ImageAcquisition second = ada.images().acquisition(r.images().get(1));
        assertEquals(first.experiment().orElseThrow().id(), second.experiment().orElseThrow().id(),
                "one Experiment row for the file's one Experiment");
        assertEquals(first.instrument().orElseThrow().id(), second.instrument().orElseThrow().id());
        assertTrue(first.stageLabel().orElseThrow().id() != second.stageLabel().orElseThrow().id(),
                "each image has its own stage label");
    }

    @Test
    void importedAndReadBackOnPostgres(@TempDir Path pg) {
        try (Lab postgres = Lab.open(DatabaseTarget.POSTGRES, pg)) {
            Session s = postgres.as("ada");
            Image image = importOne(s, AICS);
            assertAicsAcquisition(s, image);
            assertEquals(Time.of(10.0, UnitsTime.SECOND), s.images().planeInfos(image).get(0).exposureTime()
                    .orElseThrow());
            assertThrows(NotFoundException.class, () -> postgres.as("eve").images().acquisition(image));
        }
    }
}
