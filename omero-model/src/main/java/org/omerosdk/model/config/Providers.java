package org.omerosdk.model.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Service providers as the SDK looks them up everywhere: in the class loader that loaded the SDK itself first, then
 * in the thread's context class loader. Plugin hosts (Fiji, servlet containers) load the SDK in a child loader whose
 * services the context loader may not see, or the other way round, so both are asked; a provider both loaders see is
 * returned once.
 */
public final class Providers {
    private Providers() {
    }

    /**
     * Every provider of {@code service}, those of {@code home}'s loader first.
     *
     * @param home a class of the library that asks (its loader is the first one searched)
     */
    public static <T> List<T> of(Class<T> service, Class<?> home) {
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        loaders.add(home.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        List<T> found = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        for (ClassLoader loader : loaders) {
            for (T provider : ServiceLoader.load(service, loader)) {
                if (seen.add(provider.getClass())) {
                    found.add(provider);
                }
            }
        }
        return found;
    }
}
