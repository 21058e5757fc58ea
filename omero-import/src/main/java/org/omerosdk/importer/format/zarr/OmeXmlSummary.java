package org.omerosdk.importer.format.zarr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.omerosdk.importer.format.MetadataEntry;
import org.omerosdk.importer.format.omexml.OmeXml;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.model.units.Length;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the OME reader takes from bioformats2raw's {@code OME/METADATA.ome.xml}: per Image its name, physical sizes
 * and channels (name, colour, wavelengths); per plate well sample the image it refers to; and the original-metadata
 * annotations, read by the one OME-XML parser ({@link OmeXml}).
 */
record OmeXmlSummary(List<ImageInfo> images, Map<String, Integer> imageIndexById, List<MetadataEntry> original) {

    record ChannelInfo(Optional<String> name, Optional<Rgba> color, Optional<Length> excitation,
                       Optional<Length> emission) {
    }

    record ImageInfo(String id, Optional<String> name, Optional<Length> physicalSizeX,
                     Optional<Length> physicalSizeY, Optional<Length> physicalSizeZ, List<ChannelInfo> channels) {
    }

    static OmeXmlSummary parse(byte[] xml, String where) {
        Element root = OmeXml.root(xml, where);
        List<ImageInfo> images = new ArrayList<>();
        Map<String, Integer> byId = new HashMap<>();
        for (Element image : OmeXml.children(root, "Image")) {
            Optional<Element> pixels = OmeXml.child(image, "Pixels");
            List<ChannelInfo> channels = new ArrayList<>();
            if (pixels.isPresent()) {
                for (Element ch : OmeXml.children(pixels.get(), "Channel")) {
                    channels.add(new ChannelInfo(OmeXml.attr(ch, "Name"), OmeXml.color(ch),
                            OmeXml.length(ch, "ExcitationWavelength"), OmeXml.length(ch, "EmissionWavelength")));
                }
            }
            String id = image.getAttribute("ID");
            byId.put(id, images.size());
            images.add(new ImageInfo(id, OmeXml.attr(image, "Name"),
                    pixels.flatMap(p -> OmeXml.length(p, "PhysicalSizeX")),
                    pixels.flatMap(p -> OmeXml.length(p, "PhysicalSizeY")),
                    pixels.flatMap(p -> OmeXml.length(p, "PhysicalSizeZ")), channels));
        }
        List<MetadataEntry> original = new ArrayList<>();
        NodeList keys = root.getElementsByTagNameNS("*", "OriginalMetadata");
        for (int i = 0; i < keys.getLength(); i++) {
            Element om = (Element) keys.item(i);
            Optional<Element> k = OmeXml.child(om, "Key");
            if (k.isPresent()) {
                original.add(new MetadataEntry(k.get().getTextContent(),
                        OmeXml.child(om, "Value").map(Element::getTextContent).orElse("")));
            }
        }
        return new OmeXmlSummary(images, byId, original);
    }
}
