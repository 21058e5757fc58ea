package org.omerosdk.importer.format.zarr;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.omerosdk.importer.format.MetadataEntry;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.UnitsLength;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What the OME reader takes from bioformats2raw's {@code OME/METADATA.ome.xml}: per Image its name, physical sizes
 * and channels (name, colour, wavelengths); per plate well sample the image it refers to; and the original-metadata
 * annotations. Parsed with the JDK's DOM parser, DTDs and external entities refused.
 */
record OmeXmlSummary(List<ImageInfo> images, Map<String, Integer> imageIndexById, List<MetadataEntry> original) {

    record ChannelInfo(Optional<String> name, Optional<Rgba> color, Optional<Length> excitation,
                       Optional<Length> emission) {
    }

    record ImageInfo(String id, Optional<String> name, Optional<Length> physicalSizeX,
                     Optional<Length> physicalSizeY, Optional<Length> physicalSizeZ, List<ChannelInfo> channels) {
    }

    static OmeXmlSummary parse(byte[] xml, String where) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new FormatException(where + " is not valid OME-XML: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (!"OME".equals(root.getLocalName())) {
            throw new FormatException(where + " is not OME-XML: its root element is <" + root.getNodeName() + ">");
        }
        List<ImageInfo> images = new ArrayList<>();
        Map<String, Integer> byId = new HashMap<>();
        for (Element image : children(root, "Image")) {
            Element pixels = children(image, "Pixels").stream().findFirst().orElse(null);
            List<ChannelInfo> channels = new ArrayList<>();
            Optional<Length> px = Optional.empty();
            Optional<Length> py = Optional.empty();
            Optional<Length> pz = Optional.empty();
            if (pixels != null) {
                px = length(pixels, "PhysicalSizeX");
                py = length(pixels, "PhysicalSizeY");
                pz = length(pixels, "PhysicalSizeZ");
                for (Element ch : children(pixels, "Channel")) {
                    channels.add(new ChannelInfo(attr(ch, "Name"), color(ch), length(ch, "ExcitationWavelength"),
                            length(ch, "EmissionWavelength")));
                }
            }
            String id = image.getAttribute("ID");
            byId.put(id, images.size());
            images.add(new ImageInfo(id, attr(image, "Name"), px, py, pz, channels));
        }
        List<MetadataEntry> original = new ArrayList<>();
        NodeList keys = doc.getElementsByTagNameNS("*", "OriginalMetadata");
        for (int i = 0; i < keys.getLength(); i++) {
            Element om = (Element) keys.item(i);
            Element k = children(om, "Key").stream().findFirst().orElse(null);
            Element v = children(om, "Value").stream().findFirst().orElse(null);
            if (k != null) {
                original.add(new MetadataEntry(k.getTextContent(), v == null ? "" : v.getTextContent()));
            }
        }
        return new OmeXmlSummary(images, byId, original);
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Optional<String> attr(Element e, String name) {
        return e.hasAttribute(name) ? Optional.of(e.getAttribute(name)) : Optional.empty();
    }

    /** An OME length attribute with its unit attribute ({@code PhysicalSizeXUnit}, default µm). */
    private static Optional<Length> length(Element e, String name) {
        Optional<String> v = attr(e, name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        double d;
        try {
            d = Double.parseDouble(v.get());
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
        if (!(d > 0) || Double.isInfinite(d)) {
            return Optional.empty();
        }
        String unit = e.getAttribute(name + "Unit");
        UnitsLength u = unit.isEmpty() ? (name.endsWith("Wavelength") ? UnitsLength.NANOMETER : UnitsLength.MICROMETER)
                : null;
        for (UnitsLength c : UnitsLength.values()) {
            if (c.symbol().equals(unit)) {
                u = c;
            }
        }
        return u == null ? Optional.empty() : Optional.of(Length.of(d, u));
    }

    /** OME's Color: a signed 32-bit RGBA integer. */
    private static Optional<Rgba> color(Element ch) {
        Optional<String> v = attr(ch, "Color");
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            int c = (int) Long.parseLong(v.get());
            return Optional.of(new Rgba((c >>> 24) & 0xff, (c >>> 16) & 0xff, (c >>> 8) & 0xff, c & 0xff));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
