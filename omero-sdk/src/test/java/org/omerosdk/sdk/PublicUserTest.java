package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.AuthenticationException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.ReadOnlyException;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.annotations.TagAnnotation;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.meta.ExperimenterGroup;

/** OMERO.web's public user: enabled by configuration, read-only, no annotations unless configured. */
class PublicUserTest {
    @TempDir
    Path dir;

    private OmeroSdk open(String... keyValues) {
        OmeroSdk.Builder b = OmeroSdk.builder().dataDirectory(dir).passwordHashIterations(1000)
                .rootPassword("r".toCharArray()).set(ConfigKeys.WEB_PUBLIC_USER, "public")
                .set(ConfigKeys.WEB_PUBLIC_PASSWORD, "public-pw");
        for (int i = 0; i < keyValues.length; i += 2) {
            b.set(ConfigKeys.byName(keyValues[i]).orElseThrow(), keyValues[i + 1]);
        }
        return b.open();
    }

    /** A read-only group "published" where ada has a project and a tag, and the public user is a member. */
    private static void publish(OmeroSdk sdk) {
        Session root = sdk.rootSession();
        ExperimenterGroup published = root.admin().createGroup("published", Permissions.Level.READ_ONLY);
        ExperimenterGroup hidden = root.admin().createGroup("hidden", Permissions.Level.READ_ONLY);
        root.admin().createUser("ada", "Ada", "L", published, hidden);
        root.admin().setPassword(root.admin().createUser("public", "Public", "User", published),
                "public-pw".toCharArray());
        try (Session ada = root.sudo("ada")) {
            ada.withGroup(published).containers().createProject("open data");
            ada.withGroup(hidden).containers().createProject("not for the public");
            ada.withGroup(published).write((q, w) -> w.create(new TagAnnotation("unreviewed")));
        }
    }

    private static List<String> tags(Session s) {
        return s.read(q -> q.list(Select.from(TagAnnotation.class))).stream().map(TagAnnotation::textValue)
                .toList();
    }

    @Test
    void disabledByDefault() {
        try (OmeroSdk sdk = open()) {
            publish(sdk);
            SecurityViolation e = assertThrows(SecurityViolation.class, sdk::publicSession);
            assertTrue(e.getMessage().contains("omero.web.public.enabled"), e.getMessage());
        }
    }

    @Test
    void thePublicUserReadsItsGroupsAndWritesNothing() {
        try (OmeroSdk sdk = open("omero.web.public.enabled", "true")) {
            publish(sdk);
            Session pub = sdk.publicSession();
            assertEquals(List.of("open data"), pub.containers().projects(Listing.all()).stream()
                    .map(Project::name).toList());
            ReadOnlyException e = assertThrows(ReadOnlyException.class,
                    () -> pub.containers().createProject("graffiti"));
            assertTrue(e.getMessage().contains("omero.web.public.get_only"), e.getMessage());
            assertThrows(ReadOnlyException.class, () -> pub.withGroup(pub.admin().group("published"))
                    .containers().createProject("graffiti"));
        }
    }

    @Test
    void annotationsStayPrivateUnlessConfigured() {
        try (OmeroSdk sdk = open("omero.web.public.enabled", "true")) {
            publish(sdk);
            assertEquals(List.of("unreviewed"), tags(sdk.rootSession().sudo("ada")));
            assertTrue(tags(sdk.publicSession()).isEmpty());
        }
        try (OmeroSdk sdk = open("omero.web.public.enabled", "true", "omero.sdk.public.annotations", "true")) {
            assertEquals(List.of("unreviewed"), tags(sdk.publicSession()));
        }
    }

    @Test
    void withoutGetOnlyThePublicUserWritesLikeAnyMember() {
        try (OmeroSdk sdk = open("omero.web.public.enabled", "true", "omero.web.public.get_only", "false")) {
            publish(sdk);
            sdk.publicSession().containers().createProject("guestbook");
        }
    }

    @Test
    void aWrongConfiguredPasswordIsRefused() {
        try (OmeroSdk sdk = open("omero.web.public.enabled", "true", "omero.web.public.password", "nope")) {
            publish(sdk);
            assertThrows(AuthenticationException.class, sdk::publicSession);
        }
    }
}
