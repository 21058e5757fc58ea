package org.omerosdk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.render.ChannelSettings;
import org.omerosdk.render.Family;
import org.omerosdk.render.RenderingSettings;

/** OMERO.web's rendering query parameters, read as {@code _split_channel_info} and friends read them. */
class RenderQueryTest {
    private static final RenderingSettings THREE = RenderingSettings.of(List.of(
            ChannelSettings.of(PixelType.UINT16, Rgba.of(0, 0, 255)).withWindow(1, 2),
            ChannelSettings.of(PixelType.UINT16, Rgba.of(0, 255, 0)).withWindow(3, 4),
            ChannelSettings.of(PixelType.UINT16, Rgba.of(255, 255, 255)).withWindow(5, 6)));

    @Test
    void listedChannelsAreActiveWithTheirWindowsAndColoursAndTheOthersAreNot() {
        RenderingSettings s = RenderQuery.channels(THREE, "1|100:600$FF0000,-2|0:1000$00FF00");
        ChannelSettings c1 = s.channels().get(0);
        assertTrue(c1.active());
        assertEquals(100, c1.windowStart());
        assertEquals(600, c1.windowEnd());
        assertEquals(Rgba.of(255, 0, 0), c1.color());
        ChannelSettings c2 = s.channels().get(1);
        assertFalse(c2.active());
        assertEquals(3, c2.windowStart(), "OMERO applies windows and colours to active channels only");
        assertEquals(Rgba.of(0, 255, 0), c2.color());
        assertFalse(s.channels().get(2).active());
    }

    @Test
    void entriesThatAreNotNumbersAreSkippedAndAColourMayFollowTheIndex() {
        RenderingSettings s = RenderQuery.channels(THREE, "x,3$F00,2|a:b");
        assertFalse(s.channels().get(0).active());
        assertTrue(s.channels().get(1).active());
        assertEquals(3, s.channels().get(1).windowStart(), "a window that is not two numbers is none");
        assertTrue(s.channels().get(2).active());
        assertEquals(Rgba.of(255, 0, 0), s.channels().get(2).color());
    }

    @Test
    void aLookupTableNameReplacesTheColourAndAColourReplacesTheLookupTable() {
        RenderingSettings lut = RenderQuery.channels(THREE, "1$cyan.lut");
        assertEquals("cyan.lut", lut.channels().get(0).lookupTable().orElseThrow().name());
        RenderingSettings back = RenderQuery.channels(lut, "1$00FF00");
        assertEquals(Optional.empty(), back.channels().get(0).lookupTable());
        assertEquals(Rgba.of(0, 255, 0), back.channels().get(0).color());
    }

    @Test
    void htmlColoursAsSplitHtmlColorReadsThem() {
        assertEquals(Optional.of(new Rgba(0xAA, 0xBB, 0xCC, 0xFF)), RenderQuery.htmlColor("abc"));
        assertEquals(Optional.of(new Rgba(0xAA, 0xBB, 0xCC, 0xDD)), RenderQuery.htmlColor("abcd"));
        assertEquals(Optional.of(new Rgba(0xAB, 0xBC, 0xCD, 0xFF)), RenderQuery.htmlColor("abbccd"));
        assertEquals(Optional.of(new Rgba(0xAB, 0xBC, 0xCD, 0xDE)), RenderQuery.htmlColor("abbccdde"));
        assertEquals(Optional.empty(), RenderQuery.htmlColor("abcde"));
        assertEquals(Optional.empty(), RenderQuery.htmlColor("ggg"));
    }

    @Test
    void mapsSetInversionAndQuantizationByChannelIndex() {
        RenderingSettings s = RenderQuery.maps(THREE, "[{\"inverted\": {\"enabled\": true}},"
                + " {\"reverse\": {\"enabled\": true}, \"quantization\": {\"family\": \"polynomial\","
                + " \"coefficient\": 2}}, {}]");
        assertTrue(s.channels().get(0).reverse());
        assertTrue(s.channels().get(1).reverse());
        assertEquals(Family.POLYNOMIAL, s.channels().get(1).family());
        assertEquals(2.0, s.channels().get(1).coefficient());
        assertFalse(s.channels().get(2).reverse());
        assertEquals(THREE, RenderQuery.maps(THREE, "not json"), "OMERO renders without maps it cannot read");
    }
}
