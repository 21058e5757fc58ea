package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.meta.ExperimenterGroup;

/**
 * More callers than pooled connections (item 9 of issue 10): on a cold cache every caller's group levels load
 * inside its own transaction, so callers beyond the pool only queue for a connection and none fails.
 */
class PoolStarvationTest {
    private static final int CALLERS = 32;
    private static final int POOL = 4;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"H2", "POSTGRES"})
    void callersBeyondThePoolQueueOnAColdCacheAndNoneFails(String database) throws Exception {
        DatabaseTarget target = database.equals("H2") ? DatabaseTarget.H2 : DatabaseTarget.POSTGRES;
        OmeroSdk.Builder builder = target.configure(OmeroSdk.builder(), dir).passwordHashIterations(1000)
                .set(ConfigKeys.DB_POOLSIZE, Integer.toString(POOL));
        try (OmeroSdk setup = builder.open()) {
            Session root = setup.rootSession();
            List<ExperimenterGroup> groups = new ArrayList<>();
            for (int g = 0; g < 6; g++) {
                groups.add(root.admin().createGroup("lab" + g, Permissions.Level.READ_ONLY));
            }
            root.admin().createUser("ada", "Ada", "Lovelace", groups.toArray(ExperimenterGroup[]::new));
            try (Session ada = root.sudo("ada")) {
                for (ExperimenterGroup g : groups) {
                    ada.withGroup(g).containers().createProject("p in " + g.name());
                }
            }
        }
        // a new instance on the same database: every group-level cache is cold
        try (OmeroSdk sdk = builder.open()) {
            Session root = sdk.rootSession();
            ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
            CyclicBarrier start = new CyclicBarrier(CALLERS);
            List<Future<Integer>> calls = new ArrayList<>();
            try {
                for (int i = 0; i < CALLERS; i++) {
                    calls.add(pool.submit(() -> {
                        try (Session ada = root.sudo("ada")) {
                            start.await();
                            int seen = 0;
                            for (int round = 0; round < 3; round++) {
                                seen = ada.containers().projects(Listing.all()).size();
                            }
                            return seen;
                        }
                    }));
                }
                // a caller that waited for the pool's timeout would fail here with a StorageException
                for (Future<Integer> call : calls) {
                    assertEquals(6, call.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "POSTGRES"})
    void aPoolOfOneConnectionOpensAndServesConcurrentCallers(String database) throws Exception {
        DatabaseTarget target = database.equals("H2") ? DatabaseTarget.H2 : DatabaseTarget.POSTGRES;
        try (OmeroSdk sdk = target.configure(OmeroSdk.builder(), dir).passwordHashIterations(1000)
                .set(ConfigKeys.DB_POOLSIZE, "1").open()) {
            Session root = sdk.rootSession();
            ExperimenterGroup lab = root.admin().createGroup("lab", Permissions.Level.READ_ONLY);
            root.admin().createUser("ada", "Ada", "Lovelace", lab);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> calls = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    int n = i;
                    calls.add(pool.submit(() -> {
                        try (Session ada = root.sudo("ada")) {
                            ada.containers().createProject("p" + n);
                            return ada.containers().projects(Listing.all()).size();
                        }
                    }));
                }
                for (Future<Integer> call : calls) {
                    assertTrue(call.get() >= 1);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(8, root.containers().projects(Listing.all()).size());
        }
    }
}
