package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.AuthenticationException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.meta.ExperimenterGroup;

/** Session keys, joining across instances, timeouts on a controlled clock, keep-alive and closing. */
class SessionsTest {
    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();

    private OmeroSdk open(OmeroSdk.Builder b) {
        return b.passwordHashIterations(1000).rootPassword("root-pw".toCharArray()).clock(clock)
                .set(ConfigKeys.SESSIONS_TIMEOUT, "60000").open();
    }

    private OmeroSdk embedded() {
        return open(OmeroSdk.builder().dataDirectory(dir));
    }

    /** A member of a read-only lab with password "pw". */
    private static void addAlice(OmeroSdk sdk) {
        Session root = sdk.rootSession();
        ExperimenterGroup lab = root.admin().createGroup("lab", Permissions.Level.READ_ONLY);
        root.admin().setPassword(root.admin().createUser("alice", "Alice", "A", lab), "pw".toCharArray());
    }

    @Test
    void keysCarry256RandomBitsAndOnlyTheirHashIsStored() {
        try (OmeroSdk sdk = embedded()) {
            addAlice(sdk);
            Session a = sdk.login("alice", "pw".toCharArray());
            Session b = sdk.login("alice", "pw".toCharArray());
            assertEquals(32, Base64.getUrlDecoder().decode(a.key()).length);
            assertNotEquals(a.key(), b.key());
            org.omerosdk.model.meta.Session row = sdk.store().read(Bootstrap.SYSTEM_CONTEXT,
                    q -> q.byId(org.omerosdk.model.meta.Session.class, a.sessionId())).orElseThrow();
            assertEquals(Sessions.hash(a.key()), row.keyHash().orElseThrow());
            assertNotEquals(a.key(), row.keyHash().orElseThrow());
            assertFalse(row.uuid().contains(a.key()));
        }
    }

    @Test
    void aSecondInstanceOnTheSameDatabaseJoinsByKey() {
        try (OmeroSdk first = embedded()) {
            addAlice(first);
            Session s = first.login("alice", "pw".toCharArray());
            s.containers().createProject("p1");
            // a second instance in the same JVM on the same embedded database file
            try (OmeroSdk second = open(OmeroSdk.builder().dataDirectory(dir))) {
                Session joined = second.joinSession(s.key());
                assertEquals("alice", joined.user().omeName());
                assertEquals(s.sessionId(), joined.sessionId());
                assertEquals(1, joined.containers().projects(Listing.all()).size());
            }
        }
    }

    @Test
    void joiningOnPostgresqlFromAnotherInstance() {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        String name = "sessions" + ProcessHandle.current().pid();
        pg.createDatabase(name);
        try (OmeroSdk a = open(OmeroSdk.builder().dataSource(pg.dataSource(name)));
             OmeroSdk b = open(OmeroSdk.builder().dataSource(pg.dataSource(name)))) {
            addAlice(a);
            Session s = a.login("alice", "pw".toCharArray());
            Session joined = b.joinSession(s.key());
            joined.containers().createProject("from b");
            assertEquals(1, s.containers().projects(Listing.all()).size());
            s.close();
            assertThrows(AuthenticationException.class, () -> joined.containers().projects(Listing.all()));
            assertEquals(Sessions.REFUSED, assertThrows(AuthenticationException.class,
                    () -> b.joinSession(s.key())).getMessage());
        }
    }

    @Test
    void unknownEmptyAndClosedKeysAreRefusedAlike() {
        try (OmeroSdk sdk = embedded()) {
            addAlice(sdk);
            Session s = sdk.login("alice", "pw".toCharArray());
            String key = s.key();
            s.close();
            for (String k : new String[] {key, "", null, "x' or '1'='1", key.substring(1)}) {
                assertEquals(Sessions.REFUSED, assertThrows(AuthenticationException.class,
                        () -> sdk.joinSession(k)).getMessage(), String.valueOf(k));
            }
        }
    }

    @Test
    void aSessionExpiresAfterItsIdleTimeAndActivityKeepsItAlive() {
        try (OmeroSdk sdk = embedded()) {
            addAlice(sdk);
            Session s = sdk.login("alice", "pw".toCharArray());
            assertEquals(60_000, s.timeToIdleMillis());
            clock.advance(Duration.ofSeconds(59));
            s.keepAlive();
            clock.advance(Duration.ofSeconds(59));
            s.containers().projects(Listing.all());
            clock.advance(Duration.ofSeconds(61));
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> s.containers().projects(Listing.all()));
            assertTrue(e.getMessage().contains("expired"), e.getMessage());
            // expired is closed: the key no longer joins, here or anywhere
            assertThrows(AuthenticationException.class, () -> sdk.joinSession(s.key()));
        }
    }

    @Test
    void activityInAnotherInstanceKeepsTheSessionAliveHere() {
        try (OmeroSdk a = embedded(); OmeroSdk b = open(OmeroSdk.builder().dataDirectory(dir))) {
            addAlice(a);
            Session here = a.login("alice", "pw".toCharArray());
            Session there = b.joinSession(here.key());
            for (int i = 0; i < 3; i++) {
                clock.advance(Duration.ofSeconds(40));
                there.keepAlive();
            }
            // 120 s since this instance last saw activity, but the other instance recorded some 0 s ago
            here.containers().projects(Listing.all());
        }
    }

    @Test
    void joiningAnExpiredSessionIsRefusedAndClosesIt() {
        try (OmeroSdk sdk = embedded()) {
            addAlice(sdk);
            Session s = sdk.login("alice", "pw".toCharArray());
            clock.advance(Duration.ofMinutes(2));
            assertEquals(Sessions.REFUSED, assertThrows(AuthenticationException.class,
                    () -> sdk.joinSession(s.key())).getMessage());
            assertThrows(AuthenticationException.class, s::keepAlive);
        }
    }

    @Test
    void timeToLiveEndsASessionWhateverItsActivity() {
        try (OmeroSdk sdk = open(OmeroSdk.builder().dataDirectory(dir).set(ConfigKeys.SESSIONS_MAXIMUM, "100000"))) {
            addAlice(sdk);
            Session s = sdk.login("alice", "pw".toCharArray());
            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofSeconds(20));
                s.keepAlive();
            }
            clock.advance(Duration.ofSeconds(1));
            assertThrows(AuthenticationException.class, s::keepAlive);
        }
    }

    @Test
    void usersMayAskForTimeoutsUpToTheMaximaAdministratorsForAny() {
        try (OmeroSdk sdk = open(OmeroSdk.builder().dataDirectory(dir)
                .set(ConfigKeys.SESSIONS_MAX_USER_TIME_TO_IDLE, "300000")
                .set(ConfigKeys.SESSIONS_MAX_USER_TIME_TO_LIVE, "3600000"))) {
            addAlice(sdk);
            Session s = sdk.login("alice", "pw".toCharArray());
            s.setTimeouts(300_000, 3_600_000);
            assertEquals(300_000, s.timeToIdleMillis());
            ValidationException idle = assertThrows(ValidationException.class, () -> s.setTimeouts(300_001, 1000));
            assertTrue(idle.getMessage().contains("omero.sessions.max_user_time_to_idle"), idle.getMessage());
            assertThrows(ValidationException.class, () -> s.setTimeouts(0, 1000));
            assertThrows(ValidationException.class, () -> s.setTimeouts(1000, 0));
            assertThrows(ValidationException.class, () -> s.setTimeouts(-1, 1000));
            assertEquals(300_000, s.timeToIdleMillis());
            // the new timeout holds for instances that join later
            clock.advance(Duration.ofSeconds(200));
            assertEquals(300_000, sdk.joinSession(s.key()).timeToIdleMillis());

            Session root = sdk.login("root", "root-pw".toCharArray());
            root.setTimeouts(0, 0);
            clock.advance(Duration.ofDays(30));
            root.keepAlive();
        }
    }

    @Test
    void switchingGroupContextKeepsTheSameSession() {
        try (OmeroSdk sdk = embedded()) {
            addAlice(sdk);
            Session s = sdk.login("alice", "pw".toCharArray());
            Session inLab = s.withGroup(s.admin().group("lab"));
            assertEquals(s.key(), inLab.key());
            assertEquals(s.sessionId(), inLab.sessionId());
            s.close();
            assertThrows(AuthenticationException.class, inLab::keepAlive);
        }
    }

    @Test
    void manyThreadsShareOneSession() throws Exception {
        try (OmeroSdk sdk = embedded()) {
            addAlice(sdk);
            Session s = sdk.login("alice", "pw".toCharArray());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    int n = i;
                    work.add(pool.submit(() -> {
                        clock.advance(Duration.ofSeconds(1));
                        s.containers().createProject("p" + n);
                        return null;
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(64, s.containers().projects(Listing.all()).size());
        }
    }
}
