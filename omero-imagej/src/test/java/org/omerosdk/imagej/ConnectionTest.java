package org.omerosdk.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.AuthenticationException;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.sdk.Session;

/** OmeroSdkIJ's connection: repositories, logins, groups, and what a session may not open. */
class ConnectionTest {
    static final int W = 11;
    static final int H = 7;

    @TempDir
    Path tmp;
    TestRepository repo;

    @BeforeEach
    void open() {
        repo = TestRepository.open(tmp);
    }

    @AfterEach
    void close() {
        repo.close();
    }

    @Test
    void anotherUsersImageInAPrivateGroupAnswersLikeAMissingOne() {
        ExperimenterGroup a = repo.group("a", Permissions.Level.PRIVATE);
        ExperimenterGroup b = repo.group("b", Permissions.Level.PRIVATE);
        repo.user("ada", a);
        repo.user("bob", b);
        Session ada = OmeroSdkIJ.login("ada", TestRepository.PASSWORD);
        Image hers = repo.importImage(ada, TestRepository.knownHyperstack("hers", 8, W, H, 1, 1, 1));
        assertEquals(1, OmeroSdkIJ.open(hers.id()).getNChannels());

        OmeroSdkIJ.login("bob", TestRepository.PASSWORD);
        NotFoundException hidden = assertThrows(NotFoundException.class, () -> OmeroSdkIJ.open(hers.id()));
        long missing = hers.id() + 1000;
        NotFoundException absent = assertThrows(NotFoundException.class, () -> OmeroSdkIJ.open(missing));
        assertEquals(absent.getMessage().replace(String.valueOf(missing), "ID"),
                hidden.getMessage().replace(String.valueOf(hers.id()), "ID"));
    }

    @Test
    void switchingGroupLimitsWhatOpensToThatGroup() {
        ExperimenterGroup first = repo.group("first", Permissions.Level.PRIVATE);
        ExperimenterGroup second = repo.group("second", Permissions.Level.PRIVATE);
        repo.user("ada", first, second);
        OmeroSdkIJ.login("ada", TestRepository.PASSWORD);
        Session inFirst = OmeroSdkIJ.switchGroup("first");
        assertEquals(first.id(), inFirst.context().groupId());
        Image image = repo.importImage(inFirst, TestRepository.knownHyperstack("inFirst", 8, W, H, 1, 1, 1));

        OmeroSdkIJ.switchGroup(String.valueOf(second.id()));
        assertThrows(NotFoundException.class, () -> OmeroSdkIJ.open(image.id()));
        OmeroSdkIJ.switchGroup("all");
        assertEquals(String.valueOf(first.id()), OmeroSdkIJ.open(image.id()).getProp(ImageOpener.GROUP));
        assertThrows(NotFoundException.class, () -> OmeroSdkIJ.switchGroup("system"),
                "a group the user is not in is not offered");
    }

    @Test
    void aDataDirectoryReopensWithItsImages() {
        Image image = repo.importImage(repo.root, TestRepository.knownHyperstack("kept", 16, W, H, 3, 4, 2));
        OmeroSdkIJ.close();
        assertThrows(AuthenticationException.class, () -> OmeroSdkIJ.open(image.id()));
        OmeroSdkIJ.openDataDirectory(tmp.resolve("data"));
        assertThrows(AuthenticationException.class, () -> OmeroSdkIJ.open(image.id()));
        OmeroSdkIJ.loginAsRoot();
        assertEquals(24, OmeroSdkIJ.open(image.id()).getStackSize());
    }

}
