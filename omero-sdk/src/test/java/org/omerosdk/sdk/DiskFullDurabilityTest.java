package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.containers.Project;
import org.omerosdk.repo.store.SmallFilesystem;

/**
 * The embedded H2 database on a filesystem that fills up (item 7 of issue 10): a commit that returned is on disk,
 * a commit that could not be written fails, and the store works again once space is freed.
 */
class DiskFullDurabilityTest {
    @TempDir
    Path scratch;
    SmallFilesystem fs;

    @BeforeEach
    void mount() {
        fs = SmallFilesystem.mount(scratch, 32);
    }

    @AfterEach
    void unmount() {
        fs.close();
    }

    private OmeroSdk open() {
        return OmeroSdk.builder().dataDirectory(fs.root().resolve("data")).passwordHashIterations(1000).open();
    }

    private static Set<String> projectNames(OmeroSdk sdk) {
        Set<String> names = new HashSet<>();
        for (Project p : sdk.rootSession().containers().projects(Listing.all())) {
            names.add(p.name());
        }
        return names;
    }

    @Test
    void everyAcknowledgedCommitSurvivesAFullDiskAndIsThereAfterReopening() {
        List<String> acknowledged = new ArrayList<>();
        int failed = 0;
        StorageException atClose = null;
        int recovered;
        OmeroSdk sdk = open();
        try {
            Session root = sdk.rootSession();
            fs.fill(64 * 1024);
            for (int i = 0; i < 3000 && failed < 10; i++) {
                try {
                    root.containers().createProject("full " + i + " " + "x".repeat(200));
                    acknowledged.add("full " + i + " " + "x".repeat(200));
                } catch (StorageException e) {
                    failed++;
                }
            }
            fs.free();
            int afterFreeing = 0;
            for (int i = 0; i < 20; i++) {
                try {
                    root.containers().createProject("freed " + i);
                    acknowledged.add("freed " + i);
                    afterFreeing++;
                } catch (StorageException e) {
                    // the first calls after the failure may still meet the closed database
                }
            }
            assertTrue(failed > 0, "the disk never filled: " + acknowledged.size() + " commits all succeeded");
            recovered = afterFreeing;
        } finally {
            try {
                sdk.close();
            } catch (StorageException e) {
                atClose = e;
            }
        }
        try (OmeroSdk reopened = open()) {
            Set<String> stored = projectNames(reopened);
            List<String> lost = acknowledged.stream().filter(n -> !stored.contains(n)).toList();
            assertTrue(lost.isEmpty(), lost.size() + " of " + acknowledged.size() + " acknowledged commits lost, "
                    + "the first " + lost.stream().findFirst().map(n -> n.substring(0, Math.min(12, n.length())))
                            .orElse("")
                    + (atClose == null ? "" : "; close() said: " + atClose.getMessage()));
        }
        assertTrue(recovered >= 15, "only " + recovered + " of 20 writes succeeded after freeing space");
    }

    @Test
    void closeOnAStillFullDiskReportsTheFailedFlushAndTheRepositoryReopensOnceThereIsSpace() {
        OmeroSdk sdk = open();
        Session root = sdk.rootSession();
        root.containers().createProject("before");
        fs.fill(0);
        boolean refused = false;
        for (int i = 0; i < 500 && !refused; i++) {
            try {
                root.containers().createProject("full " + i + " " + "x".repeat(200));
            } catch (StorageException e) {
                refused = true;
            }
        }
        assertTrue(refused, "the disk never filled");
        StorageException e = assertThrows(StorageException.class, sdk::close);
        assertTrue(e.getMessage().contains("final flush"), e.getMessage());
        fs.free();
        try (OmeroSdk reopened = open()) {
            assertTrue(projectNames(reopened).contains("before"));
        }
    }
}
