package org.omerosdk.sdk;

import java.util.Set;
import java.util.TreeSet;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.config.Providers;
import org.omerosdk.model.store.BinaryStore;

/** The store {@code omero.sdk.binary_store} names, for a host that gives the builder none. */
final class ConfiguredStores {
    static final String FILESYSTEM = "filesystem";

    private ConfiguredStores() {
    }

    /**
     * A new store from the provider named by {@code omero.sdk.binary_store}, or null for {@code filesystem} (the
     * SDK's own store at {@code omero.managed.dir}). Providers are looked up in the SDK's class loader first, then in
     * the thread's context class loader (plugin hosts).
     *
     * @throws ValidationException when no provider of that name is on the class path, naming the artifact to add
     */
    static BinaryStore open(OmeroConfig config) {
        String name = config.get(ConfigKeys.SDK_BINARY_STORE).trim();
        if (name.equals(FILESYSTEM)) {
            return null;
        }
        Set<String> found = new TreeSet<>();
        found.add(FILESYSTEM);
        for (BinaryStore.Provider p : Providers.of(BinaryStore.Provider.class, ConfiguredStores.class)) {
            if (p.name().equals(name)) {
                return p.open(config);
            }
            found.add(p.name());
        }
        throw new ValidationException(ConfigKeys.SDK_BINARY_STORE.name() + " is \"" + name + "\" but no store of "
                + "that name is on the class path" + (name.equals("s3")
                ? ": add the dependency org.omerosdk:omero-s3 (same version as omero-sdk), which brings the AWS SDK"
                : " (available: " + String.join(", ", found) + ")"));
    }
}
