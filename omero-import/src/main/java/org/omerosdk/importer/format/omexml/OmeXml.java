package org.omerosdk.importer.format.omexml;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.UnitsLength;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * OME-XML as the readers read it (OME-TIFF's ImageDescription or companion file, bioformats2raw's
 * {@code OME/METADATA.ome.xml}): one parser, with the JDK's DOM, DTDs and external entities refused, and the
 * attribute conventions of the 2016-06 schema (lengths with a {@code ...Unit} attribute, µm by default and nm for
 * wavelengths; colours as signed 32-bit RGBA). Shared by the readers, not an API.
 */
public final class OmeXml {
    private OmeXml() {
    }

    /**
     * The root element of {@code xml}, which must be {@code <OME>}.
     *
     * @throws FormatException naming {@code where} when the text is not well-formed XML, declares a DTD, or its
     *                         root is another element
     */
    public static Element root(byte[] xml, String where) {
        Element root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            root = b.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (Exception e) {
            throw new FormatException(where + ": the OME-XML cannot be parsed (" + e.getMessage() + ")", e);
        }
        if (!"OME".equals(root.getLocalName())) {
            throw new FormatException(where + " is not OME-XML: its root element is <" + root.getNodeName() + ">");
        }
        return root;
    }

    /** The child elements of {@code parent} with this local name (any namespace: schema versions differ), in order. */
    public static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first child element with this local name. */
    public static Optional<Element> child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst();
    }

    /** An attribute's value; empty when absent or empty. */
    public static Optional<String> attr(Element e, String name) {
        String v = e.getAttribute(name);
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** A number attribute; empty when absent or not a number. */
    public static Optional<Double> number(Element e, String name) {
        Optional<String> v = attr(e, name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(v.get().trim()));
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    /**
     * A length attribute with its unit attribute ({@code PhysicalSizeX} with {@code PhysicalSizeXUnit}): µm when the
     * unit is not given (nm for {@code ...Wavelength}), as the schema's defaults say. Empty when the value is not a
     * positive finite number or the unit is one OME does not name — a size in an unknown unit is not guessed.
     */
    public static Optional<Length> length(Element e, String name) {
        Optional<Double> v = number(e, name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> unit = attr(e, name + "Unit");
        Optional<UnitsLength> u = unit.isEmpty()
                ? Optional.of(name.endsWith("Wavelength") ? UnitsLength.NANOMETER : UnitsLength.MICROMETER)
                : UnitNames.length(unit.get());
        return u.map(units -> UnitNames.lengthOrNull(v.get(), units));
    }

    /** A {@code Color} attribute: OME's signed 32-bit RGBA integer; empty when absent or unreadable. */
    public static Optional<Rgba> color(Element e) {
        Optional<String> v = attr(e, "Color");
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            int c = (int) Long.parseLong(v.get().trim());
            return Optional.of(new Rgba((c >>> 24) & 0xff, (c >>> 16) & 0xff, (c >>> 8) & 0xff, c & 0xff));
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }
}
