package org.omerosdk.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.display.ChannelBinding;
import org.omerosdk.model.display.QuantumDef;
import org.omerosdk.model.display.RenderingDef;
import org.omerosdk.model.display.RenderingModel;
import org.omerosdk.render.ChannelSettings;
import org.omerosdk.render.Family;
import org.omerosdk.render.LookupTable;
import org.omerosdk.render.RenderingSettings;

/**
 * Saved rendering settings (OMERO's RenderingDef, one per user and image): anyone who may see an image may save
 * their own settings for it — in a Read-Only group too, as OMERO allows — and loading prefers the caller's own,
 * then the image owner's. The public user may vary settings for display with the renderer but, read-only, never
 * saves them.
 *
 * <p>Not stored: a channel's extent (its statistics; loaded settings take the pixel type's range) and lookup tables
 * other than the standard ones (saved by name; an unknown name loads as the channel's colour).
 */
public final class Renderings {
    private final Session session;

    Renderings(Session session) {
        this.session = session;
    }

    /**
     * Saves {@code settings} as the caller's settings for {@code image}, replacing the caller's previous ones.
     *
     * @throws ValidationException when the settings have another number of channels than the image
     * @throws NotFoundException   when the image is not visible or has no pixels
     */
    public RenderingDef save(Image image, RenderingSettings settings) {
        return session.write((q, w) -> {
            Pixels px = pixels(q, image);
            if (settings.channels().size() != px.sizeC()) {
                throw new ValidationException("rendering settings have " + settings.channels().size()
                        + " channels; " + image + " has " + px.sizeC());
            }
            for (RenderingDef old : q.list(Select.from(RenderingDef.class).whereEquals("o.pixels.id", px.id())
                    .whereEquals("o.details.ownerId", q.context().userId()))) {
                remove(q, w, old);
            }
            // one settings row per user and pixels: the old row must be gone before the new one is inserted
            w.hibernate().flush();
            return insert(w, px, settings);
        });
    }

    /** Inserts {@code settings} as new settings of {@code px}, owned by the writer, in the caller's transaction. */
    static RenderingDef insert(WritePath w, Pixels px, RenderingSettings settings) {
        // the model stores bits (1..8); the renderer's bit resolution is the top value (1, 3, ..., 255)
        int bits = Integer.numberOfTrailingZeros(settings.bitResolution() + 1);
        QuantumDef qd = w.create(new QuantumDef(settings.cdStart(), settings.cdEnd(), bits));
        RenderingDef rd = w.create(new RenderingDef(px, settings.defaultZ(), settings.defaultT(),
                settings.model() == RenderingSettings.Model.GREYSCALE ? RenderingModel.GREYSCALE
                    : RenderingModel.RGB, qd));
        for (int i = 0; i < settings.channels().size(); i++) {
            ChannelSettings c = settings.channels().get(i);
            ChannelBinding b = new ChannelBinding(rd, i, c.windowStart(), c.windowEnd());
            b.setActive(c.active());
            b.setMapping(org.omerosdk.model.display.Family.valueOf(c.family().name()), c.coefficient());
            b.setNoiseReduction(c.noiseReduction());
            b.setColor(c.color());
            c.lookupTable().ifPresent(l -> b.setLookupTable(l.name()));
            b.setReverseIntensity(c.reverse());
            w.create(b);
        }
        return rd;
    }

    /** The settings to show {@code image} with: the caller's own, else its owner's, else none saved. */
    public Optional<RenderingSettings> load(Image image) {
        return session.read(q -> {
            Pixels px = pixels(q, image);
            Image img = Containers.load(q, image);
            long me = q.context().userId();
            long owner = img.details().ownerId().orElse(-1L);
            Optional<RenderingDef> rd = mine(q, px, me).or(() -> mine(q, px, owner));
            return rd.map(d -> settings(q, px, d));
        });
    }

    /** Every saved settings of {@code image} the caller may see (one per user), by id. */
    public List<RenderingDef> all(Image image) {
        return session.read(q -> q.list(Select.from(RenderingDef.class).whereEquals("o.pixels.id",
                pixels(q, image).id())));
    }

    /**
     * Deletes saved settings.
     *
     * @throws org.omerosdk.model.SecurityViolation when the caller may not delete them
     */
    public void delete(RenderingDef settings) {
        session.write((q, w) -> {
            remove(q, w, Containers.load(q, settings));
            return null;
        });
    }

    private static void remove(QueryPath q, WritePath w, RenderingDef rd) {
        // through the graph engine, in this transaction: its channel bindings and quantum settings go with it
        Graphs.deleteWithin(w, org.omerosdk.sdk.graph.GraphRequest.delete(rd));
    }

    private static Pixels pixels(QueryPath q, Image image) {
        return Images.pixelsOf(q, image).orElseThrow(() -> new NotFoundException("Image:" + image.id()
                        + " does not exist or is not visible"));
    }

    private static Optional<RenderingDef> mine(QueryPath q, Pixels px, long owner) {
        return q.first(Select.from(RenderingDef.class).join("join fetch o.quantization")
                .whereEquals("o.pixels.id", px.id()).whereEquals("o.details.ownerId", owner));
    }

    private static RenderingSettings settings(QueryPath q, Pixels px, RenderingDef d) {
        double[] range = ChannelSettings.typeRange(px.pixelsType());
        List<ChannelSettings> channels = new ArrayList<>();
        for (ChannelBinding b : q.list(Select.from(ChannelBinding.class).whereEquals("o.renderingDef.id", d.id())
                .orderBy("o.index"))) {
            Optional<LookupTable> lut = b.lookupTable().flatMap(name -> {
                try {
                    return Optional.of(LookupTable.standard(name));
                } catch (ValidationException unknown) {
                    return Optional.empty();
                }
            });
            channels.add(new ChannelSettings(b.isActive(), b.inputStart(), b.inputEnd(),
                    Family.valueOf(b.family().name()), b.coefficient(), b.noiseReduction(), b.color(), lut,
                    b.reverseIntensity(), range[0], range[1]));
        }
        QuantumDef qd = d.quantization();
        return new RenderingSettings(d.model() == RenderingModel.GREYSCALE ? RenderingSettings.Model.GREYSCALE
                : RenderingSettings.Model.COLOR, channels, qd.cdStart(), qd.cdEnd(), (1 << qd.bitResolution()) - 1,
                d.defaultZ(), d.defaultT(), d.version());
    }
}
