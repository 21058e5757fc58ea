package org.omerosdk.repo.checksum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.fs.ChecksumAlgorithm;

class ChecksumNegotiationTest {
    @Test
    void defaultsNegotiateSha1WithAClientOfferingAllSeven() {
        ChecksumNegotiation n = ChecksumNegotiation.from(OmeroConfig.defaults());
        assertEquals(Optional.of(ChecksumAlgorithm.SHA1_160), n.suggest(EnumSet.allOf(ChecksumAlgorithm.class)));
    }

    @Test
    void repositoryOrderWinsOverClientOrder() {
        ChecksumNegotiation n = ChecksumNegotiation.from(OmeroConfig.defaults()
                .with(ConfigKeys.CHECKSUM_SUPPORTED, "CRC-32, MD5-128"));
        assertEquals(Optional.of(ChecksumAlgorithm.CRC_32),
                n.suggest(List.of(ChecksumAlgorithm.MD5_128, ChecksumAlgorithm.CRC_32)));
    }

    @Test
    void nothingInCommonSuggestsNothing() {
        ChecksumNegotiation n = ChecksumNegotiation.from(OmeroConfig.defaults()
                .with(ConfigKeys.CHECKSUM_SUPPORTED, "Adler-32"));
        assertTrue(n.suggest(List.of(ChecksumAlgorithm.SHA1_160)).isEmpty());
    }

    @Test
    void badListsAreRefusedNamingTheProblem() {
        assertTrue(assertThrows(ValidationException.class, () -> ChecksumNegotiation.parse("SHA1-160, SHA-256"))
                .getMessage().contains("SHA-256"));
        assertTrue(assertThrows(ValidationException.class, () -> ChecksumNegotiation.parse("SHA1-160,,CRC-32"))
                .getMessage().contains("empty item"));
        assertTrue(assertThrows(ValidationException.class, () -> ChecksumNegotiation.parse("CRC-32, crc-32"))
                .getMessage().contains("twice"));
    }

    @Test
    void verificationNamesEveryMismatchedFile() {
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
                () -> ChecksumNegotiation.verify(ChecksumAlgorithm.SHA1_160,
                        Map.of("a.tif", "aaaa", "b.tif", "bbbb", "c.tif", "cccc"),
                        Map.of("a.tif", "aaaa", "b.tif", "BBBB")));
        assertTrue(e.getMessage().contains("b.tif: client bbbb, repository BBBB"), e.getMessage());
        assertTrue(e.getMessage().contains("c.tif: no SHA1-160 checksum stored"), e.getMessage());
        assertTrue(!e.getMessage().contains("a.tif"), e.getMessage());
    }

    @Test
    void matchingChecksumsPass() {
        ChecksumNegotiation.verify(ChecksumAlgorithm.MD5_128, Map.of("a", "x"), Map.of("a", "x"));
    }
}
