package org.omerosdk.importer.format.omexml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.UnitsLength;
import org.w3c.dom.Element;

/** The one OME-XML parser both the OME-TIFF and the OME-Zarr readers use. */
class OmeXmlTest {
    private static Element root(String xml) {
        return OmeXml.root(xml.getBytes(StandardCharsets.UTF_8), "test.ome.xml");
    }

    @Test
    void lengthsTakeTheirUnitAttributeAndTheSchemasDefaults() {
        Element px = OmeXml.child(OmeXml.child(root("""
                <OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06"><Image ID="Image:0"><Pixels
                  PhysicalSizeX="0.5" PhysicalSizeY="2" PhysicalSizeYUnit="nm" PhysicalSizeZ="3" PhysicalSizeZUnit="parsec"
                  TimeIncrement="x"><Channel ID="Channel:0:0" Color="-16776961" ExcitationWavelength="488"/>
                </Pixels></Image></OME>"""), "Image").orElseThrow(), "Pixels").orElseThrow();
        assertEquals(Optional.of(Length.of(0.5, UnitsLength.MICROMETER)), OmeXml.length(px, "PhysicalSizeX"));
        assertEquals(Optional.of(Length.of(2, UnitsLength.NANOMETER)), OmeXml.length(px, "PhysicalSizeY"));
        assertEquals(Optional.empty(), OmeXml.length(px, "PhysicalSizeZ"), "an unknown unit is not guessed");
        assertEquals(Optional.empty(), OmeXml.number(px, "TimeIncrement"));
        Element ch = OmeXml.children(px, "Channel").get(0);
        assertEquals(Optional.of(Length.of(488, UnitsLength.NANOMETER)), OmeXml.length(ch, "ExcitationWavelength"),
                "wavelengths default to nm");
        // -16776961 is 0xFF0000FF: red, alpha 255
        assertEquals(Optional.of(new Rgba(255, 0, 0, 255)), OmeXml.color(ch));
    }

    @Test
    void nonPositiveAndNonFiniteSizesAreAbsent() {
        Element px = OmeXml.child(OmeXml.child(root("""
                <OME><Image><Pixels PhysicalSizeX="0" PhysicalSizeY="-1" PhysicalSizeZ="Infinity"/></Image></OME>"""),
                "Image").orElseThrow(), "Pixels").orElseThrow();
        assertEquals(Optional.empty(), OmeXml.length(px, "PhysicalSizeX"));
        assertEquals(Optional.empty(), OmeXml.length(px, "PhysicalSizeY"));
        assertEquals(Optional.empty(), OmeXml.length(px, "PhysicalSizeZ"));
    }

    @Test
    void aDtdIsRefusedSoNoExternalEntityIsRead() {
        FormatException e = assertThrows(FormatException.class, () -> root("""
                <?xml version="1.0"?><!DOCTYPE OME [<!ENTITY x SYSTEM "file:///etc/passwd">]><OME>&x;</OME>"""));
        assertTrue(e.getMessage().startsWith("test.ome.xml: the OME-XML cannot be parsed"), e.getMessage());
    }

    @Test
    void anotherRootOrBrokenXmlIsRefusedNamingTheSource() {
        FormatException other = assertThrows(FormatException.class, () -> root("<svg/>"));
        assertEquals("test.ome.xml is not OME-XML: its root element is <svg>", other.getMessage());
        FormatException broken = assertThrows(FormatException.class, () -> root("<OME><Image></OME>"));
        assertTrue(broken.getMessage().contains("test.ome.xml"), broken.getMessage());
    }
}
