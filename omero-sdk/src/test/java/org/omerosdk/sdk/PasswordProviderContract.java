package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.AuthenticationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.permissions.auth.PasswordProvider;

/**
 * What every {@link PasswordProvider} guarantees as a link of the login chain, through {@link OmeroSdk#login}: the
 * right password logs in, every refusal (wrong password, unknown user, empty password, a failing provider) reads
 * the same and costs one password derivation, variants of a login name are the same user or refused, and the chain
 * order of {@code omero.security.password_provider} holds (an abstention ahead passes the login on, a refusal or an
 * exception ahead ends it, the provider passes users it does not know on and its refusal ends the login). One
 * subclass per provider: the password table, LDAP, a host's provider; a host extends it for its own.
 */
public abstract class PasswordProviderContract {
    /** The password of the user the provider knows. */
    protected static final String PASSWORD = "right-Pw-1";
    /** That user's login name. */
    protected static final String USER = "ada";
    /** The group a user the provider creates belongs to. */
    protected static final String GROUP = "lab";

    @TempDir
    protected Path dir;
    private final Gate ahead = new Gate("ahead");
    private final Gate behind = new Gate("behind");
    private final List<OmeroSdk> opened = new ArrayList<>();

    /** The name of the provider under test in {@code omero.security.password_provider}. */
    protected abstract String providerName();

    /** What the provider needs in the builder (LDAP settings, a host provider registered). */
    protected abstract OmeroSdk.Builder configure(OmeroSdk.Builder b);

    /**
     * Makes {@code name} a user the provider knows with {@code password}, in group {@link #GROUP} (a table row, a
     * directory entry, the host's own record). The suite then logs in once, which creates the user where the
     * provider creates users on first login.
     */
    protected abstract void addUser(OmeroSdk sdk, String name, String password) throws Exception;

    /** Makes the provider under test throw from now on; false when it has no way to fail (the case is skipped). */
    protected boolean breakProvider() throws Exception {
        return false;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(OmeroSdk::close);
    }

    private OmeroSdk open(UnaryOperator<OmeroSdk.Builder> more) {
        OmeroSdk sdk = more.apply(configure(Lab.settings(OmeroSdk.builder().dataDirectory(dir.resolve("data")))))
                .open();
        opened.add(sdk);
        return sdk;
    }

    private OmeroSdk open() {
        return open(UnaryOperator.identity());
    }

    /** The provider under test between two host providers: {@code ahead, <provider>, behind}. */
    private OmeroSdk openChain() {
        return open(b -> b.passwordProvider(ahead).passwordProvider(behind)
                .set(ConfigKeys.SECURITY_PASSWORD_PROVIDER, "ahead, " + providerName() + ", behind"));
    }

    /** {@link #USER} known to the provider and logged in once; the user's id. */
    private long known(OmeroSdk sdk) throws Exception {
        addUser(sdk, USER, PASSWORD);
        try (Session s = sdk.login(USER, PASSWORD.toCharArray())) {
            return s.user().id();
        }
    }

    private static String refusal(String login) {
        return "login refused for user \"" + login + "\": " + Authenticator.REFUSED;
    }

    private static String refused(OmeroSdk sdk, String login, String password) {
        return assertThrows(AuthenticationException.class, () -> sdk.login(login, password.toCharArray()))
                .getMessage();
    }

    /** The password derivations a refused login costs. */
    private static long refusalCost(OmeroSdk sdk, String login, String password) {
        long before = sdk.hasher().derivations();
        assertEquals(refusal(login), refused(sdk, login, password));
        return sdk.hasher().derivations() - before;
    }

    @Test
    void theRightPasswordLogsTheUserIn() throws Exception {
        OmeroSdk sdk = open();
        long id = known(sdk);
        try (Session s = sdk.login(USER, PASSWORD.toCharArray())) {
            assertEquals(USER, s.user().omeName());
            assertEquals(id, s.user().id());
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithTheCommonMessage() throws Exception {
        OmeroSdk sdk = open();
        known(sdk);
        assertEquals(refusal(USER), refused(sdk, USER, PASSWORD + "x"));
        assertEquals(refusal(USER), refused(sdk, USER, PASSWORD.toLowerCase(java.util.Locale.ROOT)));
    }

    @Test
    void anUnknownUserIsRefusedLikeAWrongPassword() throws Exception {
        OmeroSdk sdk = open();
        known(sdk);
        assertEquals(refusal("nobody"), refused(sdk, "nobody", PASSWORD));
        assertTrue(sdk.rootSession().admin().findUser("nobody").isEmpty());
    }

    @Test
    void anEmptyPasswordIsRefused() throws Exception {
        OmeroSdk sdk = open();
        known(sdk);
        assertEquals(refusal(USER), refused(sdk, USER, ""));
    }

    @Test
    void everyRefusalCostsExactlyOnePasswordDerivation() throws Exception {
        OmeroSdk sdk = open();
        known(sdk);
        assertEquals(List.of(1L, 1L, 1L, 1L), List.of(refusalCost(sdk, USER, "wrong"),
                refusalCost(sdk, "nobody", PASSWORD), refusalCost(sdk, USER, ""), refusalCost(sdk, " ", PASSWORD)));
    }

    @Test
    void variantsOfTheLoginNameAreThatUserOrRefusedAndCreateNoOneElse() throws Exception {
        OmeroSdk sdk = open();
        long id = known(sdk);
        for (String variant : List.of("ADA", "Ada", " ada", "ada ", "a da", "ada\t")) {
            try (Session s = sdk.login(variant, PASSWORD.toCharArray())) {
                assertEquals(id, s.user().id(), variant);
            } catch (AuthenticationException e) {
                assertEquals(refusal(variant), e.getMessage());
            }
            assertTrue(variant.equals(USER) || sdk.rootSession().admin().findUser(variant).isEmpty(), variant);
        }
    }

    @Test
    void withIgnoreCaseTheLoginNameMatchesWithoutRegardToCase() throws Exception {
        OmeroSdk sdk = open(b -> b.set(ConfigKeys.SECURITY_IGNORE_CASE, "true"));
        long id = known(sdk);
        for (String variant : List.of("ADA", "Ada", "adA")) {
            try (Session s = sdk.login(variant, PASSWORD.toCharArray())) {
                assertEquals(id, s.user().id(), variant);
            }
        }
        assertEquals(refusal("ADA"), refused(sdk, "ADA", "wrong"));
    }

    @Test
    void aProviderThatThrowsRefusesWithTheCommonMessageAndOneDerivation() throws Exception {
        OmeroSdk sdk = openChain();
        known(sdk);
        assumeTrue(breakProvider(), "this provider has no way to fail");
        behind.mode = Gate.Mode.ACCEPT;
        assertEquals(1L, refusalCost(sdk, USER, PASSWORD));
        // fail closed: the next provider is not asked
        assertEquals(0, behind.calls.get());
    }

    @Test
    void aThrowingProviderAheadEndsTheLoginAsARefusal() throws Exception {
        OmeroSdk sdk = openChain();
        known(sdk);
        ahead.mode = Gate.Mode.THROW;
        assertEquals(1L, refusalCost(sdk, USER, PASSWORD));
    }

    @Test
    void anAbstentionAheadLeavesTheLoginToIt() throws Exception {
        OmeroSdk sdk = openChain();
        long id = known(sdk);
        int before = ahead.calls.get();
        try (Session s = sdk.login(USER, PASSWORD.toCharArray())) {
            assertEquals(id, s.user().id());
        }
        assertEquals(before + 1, ahead.calls.get());
    }

    @Test
    void aRefusalAheadEndsTheLogin() throws Exception {
        OmeroSdk sdk = openChain();
        known(sdk);
        ahead.mode = Gate.Mode.REFUSE;
        assertEquals(refusal(USER), refused(sdk, USER, PASSWORD));
    }

    @Test
    void aUserItDoesNotKnowIsLeftToTheNextProvider() throws Exception {
        OmeroSdk sdk = openChain();
        known(sdk);
        behind.mode = Gate.Mode.ACCEPT;
        try (Session s = sdk.login("stranger", "whatever".toCharArray())) {
            assertEquals("stranger", s.user().omeName());
        }
        assertEquals(1, behind.calls.get());
    }

    @Test
    void itsRefusalEndsTheLoginBeforeTheNextProvider() throws Exception {
        OmeroSdk sdk = openChain();
        known(sdk);
        behind.mode = Gate.Mode.ACCEPT;
        assertEquals(refusal(USER), refused(sdk, USER, "wrong"));
        assertEquals(0, behind.calls.get());
    }

    /** A host provider of the chain tests that abstains, refuses, accepts anyone or throws, as set. */
    private static final class Gate implements PasswordProvider {
        enum Mode { ABSTAIN, REFUSE, ACCEPT, THROW }

        private final String name;
        final AtomicInteger calls = new AtomicInteger();
        volatile Mode mode = Mode.ABSTAIN;

        Gate(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Verdict check(String login, char[] password) {
            calls.incrementAndGet();
            return switch (mode) {
                case ABSTAIN -> Verdict.ABSTAIN;
                case REFUSE -> Verdict.REFUSE;
                case ACCEPT -> Verdict.accept(new Identity(login, "Let", "In", "", List.of(GROUP)));
                case THROW -> throw new IllegalStateException("the " + name + " service is down");
            };
        }
    }
}
