package org.omerosdk.sdk;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.omerosdk.permissions.auth.PasswordProvider;

/**
 * A host's own provider (its user table, as a single sign-on service would answer) passes the password-provider
 * contract: it accepts its users' passwords, refuses wrong ones, abstains for names it does not know, and can
 * fail.
 */
class HostPasswordProviderTest extends PasswordProviderContract {
    private final Map<String, String> users = new ConcurrentHashMap<>();
    private volatile boolean down;

    @Override
    protected String providerName() {
        return "campus-sso";
    }

    @Override
    protected OmeroSdk.Builder configure(OmeroSdk.Builder b) {
        return b.passwordProvider(new PasswordProvider() {
            @Override
            public String name() {
                return "campus-sso";
            }

            @Override
            public Verdict check(String login, char[] password) {
                if (down) {
                    throw new IllegalStateException("campus-sso: connection reset");
                }
                String known = users.get(login);
                if (known == null) {
                    return Verdict.ABSTAIN;
                }
                return known.equals(new String(password))
                        ? Verdict.accept(new Identity(login, "Ada", "Lovelace", login + "@example.org",
                                List.of(GROUP)))
                        : Verdict.REFUSE;
            }
        });
    }

    @Override
    protected void addUser(OmeroSdk sdk, String name, String password) {
        users.put(name, password);
    }

    @Override
    protected boolean breakProvider() {
        down = true;
        return true;
    }
}
