package org.omerosdk.sdk;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.render.Projector;
import org.omerosdk.render.Renderer;
import org.omerosdk.render.RenderingSettings;
import org.omerosdk.render.SizeLimit;
import org.omerosdk.render.Thumbnails;

/**
 * The rendering machinery one SDK instance shares across its sessions: one renderer (its compiled settings and
 * per-thread band buffers), the thumbnail cache, the projector, and the imported defaults computed for images that
 * have no saved settings at all. Nothing here decides visibility: callers look an image up through their session
 * first, and only then use what is cached under its id.
 */
final class RenderingParts {
    final Renderer renderer;
    final Thumbnails thumbnails;
    final Projector projector;
    /** Imported defaults by image id: a function of the pixels alone (statistics read once), never of a user. */
    final Cache<Long, RenderingSettings> imported = Caffeine.newBuilder().maximumSize(10_000).build();

    RenderingParts(OmeroConfig config) {
        this.renderer = Renderer.create(SizeLimit.from(config));
        this.thumbnails = Thumbnails.create(renderer, config);
        this.projector = Projector.from(config);
    }
}
