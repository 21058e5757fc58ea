package org.omerosdk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.render.RenderingDefaults.ChannelInfo;

class RenderingDefaultsTest {
    private static ChannelInfo emission(double nm) {
        return new ChannelInfo(Optional.empty(), OptionalDouble.of(nm), OptionalDouble.empty(), OptionalDouble.empty());
    }

    @Test
    void coloursFollowEmissionWavelengths() {
        RenderingSettings s = RenderingDefaults.of(PixelType.UINT16, 1,
                List.of(emission(461), emission(520), emission(610), emission(350)));
        assertEquals(RenderingDefaults.BLUE, s.channels().get(0).color());
        assertEquals(RenderingDefaults.GREEN, s.channels().get(1).color());
        assertEquals(RenderingDefaults.RED, s.channels().get(2).color());
        assertEquals(RenderingDefaults.BLUE, s.channels().get(3).color());
    }

    @Test
    void withoutWavelengthsColoursCycleRedGreenBlue() {
        RenderingSettings s = RenderingDefaults.of(PixelType.UINT8, 1,
                Collections.nCopies(4, ChannelInfo.unknown()));
        assertEquals(List.of(RenderingDefaults.RED, RenderingDefaults.GREEN, RenderingDefaults.BLUE,
                RenderingDefaults.RED), s.channels().stream().map(ChannelSettings::color).toList());
    }

    @Test
    void channelsWithoutWavelengthAmongOthersTurnWhite() {
        RenderingSettings s = RenderingDefaults.of(PixelType.UINT8, 1, List.of(emission(520), ChannelInfo.unknown()));
        assertEquals(RenderingDefaults.WHITE, s.channels().get(1).color());
    }

    @Test
    void importedColoursWin() {
        Rgba orange = Rgba.of(255, 128, 0);
        RenderingSettings s = RenderingDefaults.of(PixelType.UINT8, 1, List.of(new ChannelInfo(Optional.of(orange),
                OptionalDouble.of(461), OptionalDouble.empty(), OptionalDouble.empty())));
        assertEquals(orange, s.channels().get(0).color());
    }

    @Test
    void modelIsColourOnlyForTwoToSevenChannels() {
        assertEquals(RenderingSettings.Model.GREYSCALE,
                RenderingDefaults.of(PixelType.UINT8, 1, List.of(ChannelInfo.unknown())).model());
        assertEquals(RenderingSettings.Model.COLOR,
                RenderingDefaults.of(PixelType.UINT8, 1, Collections.nCopies(7, ChannelInfo.unknown())).model());
        assertEquals(RenderingSettings.Model.GREYSCALE,
                RenderingDefaults.of(PixelType.UINT8, 1, Collections.nCopies(8, ChannelInfo.unknown())).model());
    }

    @Test
    void firstThreeChannelsStartActiveAndTheMiddleSectionIsTheDefault() {
        RenderingSettings s = RenderingDefaults.of(PixelType.UINT8, 9, Collections.nCopies(5, ChannelInfo.unknown()));
        assertTrue(s.channels().get(2).active());
        assertFalse(s.channels().get(3).active());
        assertEquals(4, s.defaultZ());
        assertEquals(0, s.defaultT());
    }

    @Test
    void windowsComeFromStatisticsElseTheTypeRange() {
        RenderingSettings s = RenderingDefaults.of(PixelType.UINT16, 1, List.of(
                new ChannelInfo(Optional.empty(), OptionalDouble.empty(), OptionalDouble.of(100), OptionalDouble.of(4000)),
                ChannelInfo.unknown(),
                new ChannelInfo(Optional.empty(), OptionalDouble.empty(), OptionalDouble.of(7), OptionalDouble.of(7))));
        assertEquals(100, s.channels().get(0).windowStart());
        assertEquals(4000, s.channels().get(0).windowEnd());
        assertEquals(65535, s.channels().get(1).windowEnd());
        assertEquals(65535, s.channels().get(2).windowEnd(), "a flat channel gets the type range");
        assertEquals(Integer.MAX_VALUE, RenderingDefaults.of(PixelType.FLOAT, 1, List.of(ChannelInfo.unknown()))
                .channels().get(0).windowEnd());
    }
}
