package org.omerosdk.importer.format.tiff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.omerosdk.importer.format.AcquisitionMetadata;
import org.omerosdk.importer.format.ChannelMetadata;
import org.omerosdk.importer.format.Location;
import org.omerosdk.importer.format.MetadataEntry;
import org.omerosdk.importer.format.OpenedFileset;
import org.omerosdk.importer.format.PlaneMetadata;
import org.omerosdk.importer.format.SeriesMetadata;
import org.omerosdk.importer.format.omexml.OmeAcquisition;
import org.omerosdk.importer.format.omexml.OmeXml;
import org.omerosdk.importer.format.omexml.UnitNames;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.Time;
import org.omerosdk.model.units.UnitsTime;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.codec.tiff.Ifd;
import org.omerosdk.render.codec.tiff.TiffFile;
import org.omerosdk.render.codec.tiff.TiffImage;
import org.w3c.dom.Element;

/**
 * OME-TIFF: the OME-XML (2016-06 schema, parsed with the JDK's parser) in the first IFD's ImageDescription names the
 * series; each TiffData maps a run of planes to IFDs of this or another file of the set (found by UUID, the
 * FileName only a hint: a stale FileName whose UUID is this file's resolves to this file). SubIFDs are resolution
 * levels. Physical sizes come from the OME-XML only, never from TIFF resolution tags. OME-XML that contradicts
 * the file (IFDs that do not exist, another size, another sample count) is refused with a message naming the
 * contradiction.
 */
final class OmeTiff {
    private OmeTiff() {
    }

    static boolean isOmeXml(String description) {
        return description.contains("<OME") && description.contains("openmicroscopy.org/Schemas/OME");
    }

    /** A file of the set with its parsed structure. */
    private record Part(Location location, TiffFile tiff) {
    }

    private static Element root(String xml, String where) {
        return OmeXml.root(xml.getBytes(StandardCharsets.UTF_8), where);
    }

    static List<Element> children(Element e, String name) {
        return OmeXml.children(e, name);
    }

    private static String attr(Element e, String name) {
        return OmeXml.attr(e, name).orElse(null);
    }

    private static int intAttr(Element e, String name, int fallback, String where) {
        String v = attr(e, name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException ex) {
            throw new FormatException(where + ": " + name + "=\"" + v + "\" is not an integer");
        }
    }

    private static Length length(Element e, String name) {
        return OmeXml.length(e, name).orElse(null);
    }

    /** One OME Channel: its sample count and what it says. */
    private record OmeChannel(int samples, ChannelMetadata metadata) {
    }

    static OpenedFileset open(Location location, TiffFile tiff, String xml) {
        String where = location.describe();
        Element root = root(xml, where);
        String thisUuid = attr(root, "UUID");
        List<Element> binaryOnly = children(root, "BinaryOnly");
        if (!binaryOnly.isEmpty()) {
            String companion = attr(binaryOnly.get(0), "MetadataFile");
            if (companion == null) {
                throw new FormatException(where + ": BinaryOnly names no MetadataFile");
            }
            Location c = location.sibling(companion);
            if (!c.exists()) {
                throw new FormatException(where + " keeps its OME-XML in " + companion + ", which is not beside it");
            }
            String text = new String(c.readAll(64L << 20), StandardCharsets.UTF_8);
            root = root(text, c.describe());
        }
        OmeAcquisition acquisitions = new OmeAcquisition(root);
        Map<String, Part> byUuid = new LinkedHashMap<>();
        Part self = new Part(location, tiff);
        if (thisUuid != null) {
            byUuid.put(thisUuid, self);
        }
        List<Location> files = new ArrayList<>();
        files.add(location);
        List<SeriesMetadata> series = new ArrayList<>();
        List<PixelSource> sources = new ArrayList<>();
        List<Element> images = children(root, "Image");
        if (images.isEmpty()) {
            throw new FormatException(where + ": the OME-XML describes no Image");
        }
        for (int i = 0; i < images.size(); i++) {
            Element image = images.get(i);
            String name = attr(image, "Name") == null ? "" : attr(image, "Name");
            String label = where + ": OME-XML Image " + i + (name.isEmpty() ? "" : " \"" + name + "\"");
            List<Element> pxs = children(image, "Pixels");
            if (pxs.isEmpty()) {
                throw new FormatException(label + " has no Pixels");
            }
            Element px = pxs.get(0);
            int sx = intAttr(px, "SizeX", 0, label);
            int sy = intAttr(px, "SizeY", 0, label);
            int sz = intAttr(px, "SizeZ", 1, label);
            int sc = intAttr(px, "SizeC", 1, label);
            int st = intAttr(px, "SizeT", 1, label);
            if (sx < 1 || sy < 1 || sz < 1 || sc < 1 || st < 1) {
                throw new FormatException(label + " has the impossible size " + sx + "x" + sy + " Z" + sz + " C" + sc
                        + " T" + st);
            }
            if ((long) sz * sc * st > 10_000_000L) {
                throw new FormatException(label + " claims " + ((long) sz * sc * st) + " planes; at most 10^7 read");
            }
            PixelType type;
            try {
                type = PixelType.fromOmeroName(attr(px, "Type") == null ? "" : attr(px, "Type"));
            } catch (RuntimeException e) {
                throw new FormatException(label + " has the pixel type \"" + attr(px, "Type") + "\", unknown");
            }
            DimensionOrder order;
            try {
                order = DimensionOrder.parse(attr(px, "DimensionOrder") == null ? "XYZCT"
                        : attr(px, "DimensionOrder"));
            } catch (RuntimeException e) {
                throw new FormatException(label + " has the DimensionOrder \"" + attr(px, "DimensionOrder")
                        + "\", unknown");
            }
            AcquisitionMetadata acquisition = acquisitions.of(image);
            List<OmeChannel> omeChannels = new ArrayList<>();
            for (Element ch : children(px, "Channel")) {
                ChannelMetadata m = ChannelMetadata.unnamed().withName(attr(ch, "Name"))
                        .withSettings(OmeAcquisition.detectorSettings(ch, acquisition).orElse(null),
                                OmeAcquisition.lightSettings(ch, acquisition).orElse(null));
                // an unreadable colour is left unset, as OMERO does
                Rgba color = OmeXml.color(ch).orElse(null);
                if (color != null) {
                    m = m.withColor(color);
                }
                m = m.withWavelengths(length(ch, "ExcitationWavelength"), length(ch, "EmissionWavelength"));
                omeChannels.add(new OmeChannel(Math.max(1, intAttr(ch, "SamplesPerPixel", 1, label)), m));
            }
            int samplesTotal = omeChannels.stream().mapToInt(OmeChannel::samples).sum();
            if (omeChannels.isEmpty() || samplesTotal != sc) {
                if (!omeChannels.isEmpty() && omeChannels.size() != sc) {
                    throw new FormatException(label + " has SizeC=" + sc + " but its " + omeChannels.size()
                            + " Channel elements hold " + samplesTotal + " samples: the OME-XML contradicts itself");
                }
                // channels absent (or one per SizeC): one sample each, unless the IFDs are RGB (checked below)
                List<OmeChannel> filled = new ArrayList<>();
                for (int c = 0; c < sc; c++) {
                    filled.add(c < omeChannels.size() ? new OmeChannel(1, omeChannels.get(c).metadata())
                            : new OmeChannel(1, ChannelMetadata.unnamed()));
                }
                omeChannels = filled;
            }
            int effC = omeChannels.size();
            int planeCount = sz * effC * st;
            Part[] planePart = new Part[planeCount];
            int[] planeIfd = new int[planeCount];
            List<Element> tiffData = children(px, "TiffData");
            if (tiffData.isEmpty()) {
                throw new FormatException(label + " has no TiffData: its planes are not in this file");
            }
            for (Element td : tiffData) {
                boolean bare = td.getAttributes().getLength() == 0;
                int ifd = intAttr(td, "IFD", 0, label);
                int fz = intAttr(td, "FirstZ", 0, label);
                int fc = intAttr(td, "FirstC", 0, label);
                int ft = intAttr(td, "FirstT", 0, label);
                int count = intAttr(td, "PlaneCount", bare ? planeCount : 1, label);
                if (fz < 0 || fz >= sz || fc < 0 || fc >= effC || ft < 0 || ft >= st || ifd < 0 || count < 0) {
                    throw new FormatException(label + ": TiffData IFD=" + ifd + " FirstZ=" + fz + " FirstC=" + fc
                            + " FirstT=" + ft + " lies outside Z " + sz + ", C " + effC + ", T " + st);
                }
                int start = order.planeIndex(fz, fc, ft, sz, effC, st);
                if ((long) start + count > planeCount) {
                    throw new FormatException(label + ": TiffData IFD=" + ifd + " PlaneCount=" + count
                            + " maps past the " + planeCount + " planes of the image");
                }
                Part part = resolve(td, self, byUuid, files, label);
                for (int k = 0; k < count; k++) {
                    planePart[start + k] = part;
                    planeIfd[start + k] = ifd + k;
                }
            }
            TiffImage[][] levels = new TiffImage[planeCount][];
            int levelCount = Integer.MAX_VALUE;
            for (int p = 0; p < planeCount; p++) {
                if (planePart[p] == null) {
                    throw new FormatException(label + ": plane " + p + " (in " + order + " order) has no TiffData");
                }
                Part part = planePart[p];
                List<Ifd> ifds = part.tiff().ifds();
                if (planeIfd[p] >= ifds.size()) {
                    throw new FormatException(label + ": TiffData refers to IFD " + planeIfd[p] + " but "
                            + part.location().describe() + " has only " + ifds.size()
                            + " IFDs: the OME-XML does not describe this file");
                }
                Ifd ifd = ifds.get(planeIfd[p]);
                TiffImage img = TiffImage.of(part.tiff(), ifd);
                if (img.width() != sx || img.height() != sy) {
                    throw new FormatException(label + " says its planes are " + sx + "x" + sy + " but IFD "
                            + planeIfd[p] + " of " + part.location().name() + " is " + img.width() + "x"
                            + img.height() + ": the OME-XML does not describe this file");
                }
                int cIndex = channelOfPlane(order, p, sz, effC, st);
                int spp = omeChannels.get(cIndex).samples();
                if (img.samplesPerPixel() != spp) {
                    if (omeChannels.size() == 1 && sc == 1 && img.samplesPerPixel() > 1) {
                        spp = img.samplesPerPixel();
                    } else {
                        throw new FormatException(label + ": Channel " + cIndex + " has SamplesPerPixel " + spp
                                + " but IFD " + planeIfd[p] + " of " + part.location().name() + " has "
                                + img.samplesPerPixel() + " samples: the OME-XML does not describe this file");
                    }
                }
                if (img.pixelType().isPresent() && img.pixelType().get().bytesPerPixel() != type.bytesPerPixel()) {
                    throw new FormatException(label + " says its pixels are " + type.omeroName() + " but IFD "
                            + planeIfd[p] + " of " + part.location().name() + " holds "
                            + img.pixelType().get().omeroName() + ": the OME-XML does not describe this file");
                }
                List<Ifd> subs = part.tiff().subIfds(ifd);
                TiffImage[] l = new TiffImage[1 + subs.size()];
                l[0] = img;
                for (int k = 0; k < subs.size(); k++) {
                    l[k + 1] = TiffImage.of(part.tiff(), subs.get(k));
                }
                levels[p] = l;
                levelCount = Math.min(levelCount, l.length);
            }
            // channels: the samples of each OME Channel become channels of their own
            List<ChannelMetadata> channels = new ArrayList<>();
            int[] channelOf = new int[sc];
            int[] sampleOf = new int[sc];
            int c = 0;
            boolean rgb = false;
            for (int k = 0; k < omeChannels.size(); k++) {
                OmeChannel oc = omeChannels.get(k);
                rgb |= oc.samples() > 1;
                for (int s = 0; s < oc.samples() && c < sc; s++, c++) {
                    channels.add(oc.metadata());
                    channelOf[c] = k;
                    sampleOf[c] = s;
                }
            }
            TiffSeriesSource.Plane[] planes = new TiffSeriesSource.Plane[sz * sc * st];
            for (int t = 0; t < st; t++) {
                for (int cc = 0; cc < sc; cc++) {
                    for (int z = 0; z < sz; z++) {
                        int p = order.planeIndex(z, channelOf[cc], t, sz, effC, st);
                        planes[z + sz * (cc + sc * t)] = new TiffSeriesSource.Plane(
                                java.util.Arrays.copyOf(levels[p], levelCount), sampleOf[cc]);
                    }
                }
            }
            // a Plane's TheC counts OME Channels; the samples of an RGB Channel are channels of their own here, and
            // the plane is its first sample's
            List<PlaneMetadata> planeInfo = new ArrayList<>();
            int[] firstChannel = new int[effC];
            java.util.Arrays.fill(firstChannel, -1);
            for (int k = sc - 1; k >= 0; k--) {
                firstChannel[channelOf[k]] = k;
            }
            for (PlaneMetadata pm : OmeAcquisition.planes(px)) {
                if (pm.theC() >= 0 && pm.theC() < effC && firstChannel[pm.theC()] >= 0) {
                    planeInfo.add(new PlaneMetadata(pm.theZ(), firstChannel[pm.theC()], pm.theT(), pm.deltaT(),
                            pm.exposureTime(), pm.positionX(), pm.positionY(), pm.positionZ()));
                }
            }
            TiffImage first = levels[0][0];
            Double ti = OmeXml.number(px, "TimeIncrement").orElse(null);
            UnitsTime tu = UnitNames.time(attr(px, "TimeIncrementUnit") == null ? "s" : attr(px, "TimeIncrementUnit"))
                    .orElse(UnitsTime.SECOND);
            String interleaved = attr(px, "Interleaved");
            List<SeriesMetadata.LevelSize> sizes = new ArrayList<>();
            for (int l = 0; l < levelCount; l++) {
                sizes.add(new SeriesMetadata.LevelSize(levels[0][l].width(), levels[0][l].height()));
            }
            series.add(SeriesMetadata.builder(type, sx, sy)
                    .name(name)
                    .sizes(sz, sc, st)
                    .dimensionOrder(order)
                    .rgb(rgb, rgb && (interleaved != null ? Boolean.parseBoolean(interleaved) : !first.isPlanar()))
                    .significantBits(intAttr(px, "SignificantBits", type.bitSize(), label))
                    .channels(channels)
                    .physicalSizes(length(px, "PhysicalSizeX"), length(px, "PhysicalSizeY"),
                            length(px, "PhysicalSizeZ"))
                    .timeIncrement(ti != null && ti > 0 && Double.isFinite(ti) ? Time.of(ti, tu) : null)
                    .levels(sizes)
                    .acquisition(acquisition)
                    .planes(planeInfo)
                    .build());
            sources.add(new TiffSeriesSource(type, sz, sc, st, planes));
        }
        List<MetadataEntry> original = new ArrayList<>(TiffReader.tags(tiff.ifds().get(0), "TIFF."));
        return new TiffFileset("OME-TIFF", files, series, sources, original);
    }

    private static int channelOfPlane(DimensionOrder order, int p, int sz, int sc, int st) {
        String o = order.name();
        int rest = p;
        for (int i = 2; i < 5; i++) {
            char axis = o.charAt(i);
            int size = axis == 'Z' ? sz : axis == 'C' ? sc : st;
            if (axis == 'C') {
                return rest % size;
            }
            rest /= size;
        }
        return 0;
    }

    /**
     * The file a TiffData's planes are in: this file without a UUID; else the file with that UUID — this one when
     * it is this file's UUID (whatever the FileName says), the named sibling when its UUID matches, otherwise any
     * OME-TIFF beside this one with that UUID.
     */
    private static Part resolve(Element td, Part self, Map<String, Part> byUuid, List<Location> files,
                                String label) {
        List<Element> uuids = children(td, "UUID");
        if (uuids.isEmpty()) {
            return self;
        }
        Element u = uuids.get(0);
        String uuid = u.getTextContent().trim();
        Part known = byUuid.get(uuid);
        if (known != null) {
            return known;
        }
        String fileName = attr(u, "FileName");
        List<Location> candidates = new ArrayList<>();
        if (fileName != null) {
            Location named = self.location().sibling(fileName);
            if (named.exists() && !named.isDirectory()) {
                candidates.add(named);
            }
        }
        for (String n : self.location().parent().list()) {
            String lower = n.toLowerCase(Locale.ROOT);
            if ((lower.endsWith(".ome.tif") || lower.endsWith(".ome.tiff") || lower.endsWith(".ome.tf2")
                    || lower.endsWith(".ome.tf8") || lower.endsWith(".ome.btf")) && !n.equals(fileName)) {
                candidates.add(self.location().sibling(n));
            }
        }
        for (Location candidate : candidates) {
            if (candidate.equals(self.location())) {
                continue;
            }
            try {
                TiffFile t = TiffFile.open(candidate);
                String d = t.ifds().get(0).string(org.omerosdk.render.codec.tiff.TiffTags.IMAGE_DESCRIPTION)
                        .orElse("");
                if (!isOmeXml(d)) {
                    continue;
                }
                String theirs = attr(root(d, candidate.describe()), "UUID");
                if (uuid.equals(theirs)) {
                    Part p = new Part(candidate, t);
                    byUuid.put(uuid, p);
                    files.add(candidate);
                    return p;
                }
            } catch (FormatException e) {
                // not the file we look for
            }
        }
        throw new FormatException(label + ": TiffData refers to " + (fileName == null ? "a file" : fileName)
                + " with UUID " + uuid + ", which is neither this file nor an OME-TIFF beside it");
    }
}
