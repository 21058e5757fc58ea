package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.sdk.config.ConfigStore;

class OmeroSdkConfigTest {
    @Test
    void valuesStoredInTheDataDirectoryAreInForce(@TempDir Path dir) {
        ConfigStore.open(dir).set(ConfigKeys.PIXELDATA_TILE_WIDTH.name(), "512");
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(dir).passwordHashIterations(1000).open()) {
            assertEquals(512, sdk.config().getInt(ConfigKeys.PIXELDATA_TILE_WIDTH));
        }
    }

    @Test
    void builderValuesWinOverStoredValues(@TempDir Path dir) {
        ConfigStore.open(dir).set(ConfigKeys.PIXELDATA_TILE_WIDTH.name(), "512");
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(dir).passwordHashIterations(1000)
                .set(ConfigKeys.PIXELDATA_TILE_WIDTH, "128").open()) {
            assertEquals(128, sdk.config().getInt(ConfigKeys.PIXELDATA_TILE_WIDTH));
        }
    }

    @Test
    void managedRepositoryDefaultsToInsideTheDataDirectory(@TempDir Path dir) {
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(dir).passwordHashIterations(1000).open()) {
            assertEquals(dir.toAbsolutePath() + "/ManagedRepository", sdk.config().get(ConfigKeys.MANAGED_DIR));
        }
    }
}
