package org.omerosdk.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.DatasetImageLink;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.containers.ProjectDatasetLink;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.screen.Plate;
import org.omerosdk.model.screen.PlateAcquisition;
import org.omerosdk.model.screen.Screen;
import org.omerosdk.model.screen.ScreenPlateLink;
import org.omerosdk.model.screen.WellSample;
import org.omerosdk.model.units.UnitsLength;
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
 * Saved rendering settings (OMERO's RenderingDef, one per user and image) and OMERO's operations on them: save,
 * "Set Imported", "Set Owner's", copy and paste, "Save to All" over datasets, projects, plates and screens, other
 * users' settings, and channel names. Anyone who may see an image may save their own settings for it — in a
 * Read-Only group too, as OMERO allows — and never changes anyone else's; settings are stored in the image's group
 * whatever the session's group context. Loading prefers the caller's own, then the image owner's. The public user
 * may vary settings for display ({@link Rendering} takes settings) but, read-only, never saves them.
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
        RenderingDef saved = inGroupOf(image).write((q, w) -> replace(q, w, image.id(), pixels(q, image), settings));
        Rendering.invalidate(session, image.id());
        return saved;
    }

    /** Replaces the caller's settings of {@code px} by {@code settings}, in the caller's transaction. */
    private static RenderingDef replace(QueryPath q, WritePath w, long imageId, Pixels px,
                                        RenderingSettings settings) {
        if (settings.channels().size() != px.sizeC()) {
            throw new ValidationException("rendering settings have " + settings.channels().size()
                    + " channels; Image:" + imageId + " has " + px.sizeC());
        }
        for (RenderingDef old : q.list(Select.from(RenderingDef.class).whereEquals("o.pixels.id", px.id())
                .whereEquals("o.details.ownerId", q.context().userId()))) {
            remove(q, w, old);
        }
        // one settings row per user and pixels: the old row must be gone before the new one is inserted
        w.hibernate().flush();
        return insert(w, px, settings);
    }

    /** This session in the group of {@code image} (rendering settings live in their image's group, as in OMERO). */
    private Session inGroupOf(Image image) {
        Image visible = session.images().get(image.id());
        return session.inGroup(visible.details().groupId().orElseThrow());
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
        return session.read(q -> shown(q, image)).saved();
    }

    /**
     * What {@code image} is shown with for the caller, in the caller's transaction: the image and its pixels as
     * stored and visible, and the saved settings it prefers (the caller's own, else the owner's), if any.
     */
    record Shown(Image image, Pixels pixels, Optional<RenderingSettings> saved) {
    }

    /** @throws NotFoundException when the image does not exist, is not visible, or has no pixels */
    static Shown shown(QueryPath q, Image image) {
        Image img = Containers.load(q, image);
        Pixels px = pixels(q, img);
        long me = q.context().userId();
        long owner = img.details().ownerId().orElse(-1L);
        // both candidates in one query: a tile server asks this on every request
        RenderingDef preferred = null;
        for (RenderingDef d : q.list(Select.from(RenderingDef.class).join("join fetch o.quantization")
                .whereEquals("o.pixels.id", px.id()).whereAny("o.details.ownerId", me, owner))) {
            if (preferred == null || d.details().ownerId().orElse(-1L) == me
                    && preferred.details().ownerId().orElse(-1L) != me) {
                preferred = d;
            }
        }
        return new Shown(img, px, Optional.ofNullable(preferred).map(d -> settings(q, px, d)));
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
        long image = session.write((q, w) -> {
            RenderingDef rd = Containers.load(q, settings);
            long imageId = q.first(Select.from(Image.class).where("o.id in (select p.image.id from "
                    + Pixels.class.getName() + " p where p.id = :v)", rd.pixels().id())).map(Image::id).orElse(-1L);
            remove(q, w, rd);
            return imageId;
        });
        Rendering.invalidate(session, image);
    }

    /** The saved settings of {@code image} by {@code owner} ("use another user's settings"), if they saved any. */
    public Optional<RenderingSettings> load(Image image, Experimenter owner) {
        return session.read(q -> {
            Pixels px = pixels(q, image);
            return mine(q, px, owner.id()).map(d -> settings(q, px, d));
        });
    }

    /**
     * Whose settings exist for {@code image}: every saved settings the caller may see, by the id of the user who
     * saved them, in user id order (OMERO.web's list of users' settings with their thumbnails).
     */
    public Map<Long, RenderingSettings> byOwner(Image image) {
        return session.read(q -> {
            Pixels px = pixels(q, image);
            Map<Long, RenderingSettings> out = new TreeMap<>();
            for (RenderingDef d : q.list(Select.from(RenderingDef.class).join("join fetch o.quantization")
                    .whereEquals("o.pixels.id", px.id()))) {
                out.put(d.details().ownerId().orElseThrow(), settings(q, px, d));
            }
            return java.util.Collections.unmodifiableMap(out);
        });
    }

    /**
     * What OMERO.web's "Copy" keeps: the settings {@code image} is shown with for the caller (their own, else the
     * owner's, else the imported defaults) with what {@link #paste} checks targets against.
     */
    public CopiedSettings copy(Image image) {
        RenderingSettings settings = session.rendering().settings(image);
        return session.read(q -> {
            Pixels px = pixels(q, image);
            return new CopiedSettings(image.id(), px.pixelsType(), emissions(q, image.id()), settings);
        });
    }

    /**
     * Copied settings and the source they came from: OMERO pastes only onto images of the same pixel type whose
     * channels' emission wavelengths are all among the source's (so the same channel count and the same kind of
     * channels).
     *
     * @param imageId    the image they were copied from
     * @param pixelType  its pixel type
     * @param emissionNm its channels' emission wavelengths in nanometres (empty where unknown), by index
     * @param settings   the settings
     */
    public record CopiedSettings(long imageId, PixelType pixelType, List<Optional<Double>> emissionNm,
                                 RenderingSettings settings) {
        public CopiedSettings {
            emissionNm = List.copyOf(emissionNm);
        }
    }

    /**
     * What a settings operation did, by image id: the images whose settings the caller now has, and those left
     * unchanged because their pixels do not match (another pixel type, channel count or channel wavelengths).
     */
    public record Applied(List<Long> applied, List<Long> incompatible) {
        public Applied {
            applied = List.copyOf(applied);
            incompatible = List.copyOf(incompatible);
        }
    }

    /**
     * Pastes {@code copied} onto every image of {@code targets} (images, and the images of datasets, projects,
     * plates, plate acquisitions and screens) as the caller's own settings, as OMERO's {@code applySettingsToSet}:
     * other users' settings are untouched; the default plane is taken where it exists in the target; incompatible
     * images are reported, not changed. The source image itself counts as applied.
     *
     * @throws NotFoundException  when a target does not exist or is not visible (nothing is changed)
     * @throws ValidationException for a target of another kind
     * @throws org.omerosdk.model.SecurityViolation when the caller may not save settings in a target's group
     * @throws org.omerosdk.model.ReadOnlyException for the public user
     */
    public Applied paste(CopiedSettings copied, IObject... targets) {
        List<Long> applied = new ArrayList<>();
        List<Long> incompatible = new ArrayList<>();
        for (Map.Entry<Long, List<Image>> group : imagesByGroup(targets).entrySet()) {
            session.inGroup(group.getKey()).write((q, w) -> {
                for (Image image : group.getValue()) {
                    if (image.id() == copied.imageId()) {
                        applied.add(image.id());
                        continue;
                    }
                    Pixels px = pixels(q, image);
                    if (px.pixelsType() != copied.pixelType() || px.sizeC() != copied.emissionNm().size()
                            || !copied.emissionNm().containsAll(emissions(q, image.id()))) {
                        incompatible.add(image.id());
                        continue;
                    }
                    replace(q, w, image.id(), px, onto(copied.settings(), px, mine(q, px, q.context().userId())
                            .map(d -> settings(q, px, d))));
                    applied.add(image.id());
                    w.batchBoundary();
                }
                return null;
            });
        }
        applied.forEach(id -> Rendering.invalidate(session, id));
        return new Applied(applied, incompatible);
    }

    /** {@link #paste}s the settings {@code from} is shown with onto {@code targets} ("Save to All", "Paste"). */
    public Applied applyTo(Image from, IObject... targets) {
        return paste(copy(from), targets);
    }

    /**
     * "Set Imported and Save": the caller's settings of every image of {@code targets} become the imported
     * defaults (OMERO's {@code resetDefaultsInSet}). Returns the ids of the images reset.
     *
     * <p>Refused as {@link #paste} is.
     */
    public List<Long> resetToImported(IObject... targets) {
        List<Long> done = new ArrayList<>();
        for (Map.Entry<Long, List<Image>> group : imagesByGroup(targets).entrySet()) {
            // the defaults read pixels (statistics, once per image): computed before the transaction
            Map<Long, RenderingSettings> defaults = new java.util.LinkedHashMap<>();
            for (Image image : group.getValue()) {
                defaults.put(image.id(), session.rendering().imported(image));
            }
            session.inGroup(group.getKey()).write((q, w) -> {
                for (Image image : group.getValue()) {
                    replace(q, w, image.id(), pixels(q, image), defaults.get(image.id()));
                    done.add(image.id());
                    w.batchBoundary();
                }
                return null;
            });
        }
        done.forEach(id -> Rendering.invalidate(session, id));
        return List.copyOf(done);
    }

    /**
     * "Set Owner's and Save": the caller's settings of every image of {@code targets} become a copy of the image
     * owner's (OMERO's {@code resetDefaultsByOwnerInSet}); images whose owner saved none are left as they are.
     * Returns the ids of the images changed.
     */
    public List<Long> resetToOwners(IObject... targets) {
        List<Long> done = new ArrayList<>();
        for (Map.Entry<Long, List<Image>> group : imagesByGroup(targets).entrySet()) {
            session.inGroup(group.getKey()).write((q, w) -> {
                for (Image image : group.getValue()) {
                    Pixels px = pixels(q, image);
                    long owner = image.details().ownerId().orElse(-1L);
                    Optional<RenderingSettings> owners = mine(q, px, owner).map(d -> settings(q, px, d));
                    if (owners.isPresent() && owner != q.context().userId()) {
                        replace(q, w, image.id(), px, owners.get());
                        done.add(image.id());
                        w.batchBoundary();
                    }
                }
                return null;
            });
        }
        done.forEach(id -> Rendering.invalidate(session, id));
        return List.copyOf(done);
    }

    /** What a channel renaming did: the images looked at and the logical channels renamed. */
    public record Renamed(int imageCount, int updateCount) {
    }

    /**
     * Names channels of every image of {@code targets} with {@code sizeC} channels (index to name; OMERO.web's
     * "Apply to All", BlitzGateway's {@code setChannelNames}): the names are written to the channels' logical
     * channels, which images may share, so an image outside {@code targets} that shares a logical channel with one
     * inside shows the new name too. Images with another channel count are not changed.
     *
     * @throws ValidationException for an index outside 0..sizeC-1 or a name longer than its column
     * @throws org.omerosdk.model.SecurityViolation when the caller may not edit a logical channel (nothing changes)
     */
    public Renamed renameChannels(Map<Integer, String> names, int sizeC, IObject... targets) {
        for (int index : names.keySet()) {
            if (index < 0 || index >= sizeC) {
                throw new ValidationException("channel index " + index + " is not inside 0.." + (sizeC - 1));
            }
        }
        int images = 0;
        int updates = 0;
        for (Map.Entry<Long, List<Image>> group : imagesByGroup(targets).entrySet()) {
            int[] counts = session.inGroup(group.getKey()).write((q, w) -> {
                int n = 0;
                java.util.Set<Long> renamed = new java.util.HashSet<>();
                for (Image image : group.getValue()) {
                    List<Channel> channels = q.list(Select.from(Channel.class).join("join fetch o.logicalChannel")
                            .whereEquals("o.pixels.image.id", image.id()).orderBy("o.index"));
                    if (channels.size() != sizeC) {
                        continue;
                    }
                    n++;
                    for (Map.Entry<Integer, String> e : names.entrySet()) {
                        LogicalChannel lc = channels.get(e.getKey()).logicalChannel();
                        if (renamed.add(lc.id())) {
                            w.edit(lc, l -> l.setName(e.getValue()));
                        }
                    }
                }
                return new int[] {n, renamed.size()};
            });
            images += counts[0];
            updates += counts[1];
        }
        return new Renamed(images, updates);
    }

    /**
     * The visible images of {@code targets}, by group, each once, in the order met.
     *
     * @throws NotFoundException when a target does not exist or is not visible
     */
    private Map<Long, List<Image>> imagesByGroup(IObject... targets) {
        return session.read(q -> {
            Map<Long, Image> images = new java.util.LinkedHashMap<>();
            for (IObject target : targets) {
                for (Image i : resolve(q, target)) {
                    images.putIfAbsent(i.id(), i);
                }
            }
            Map<Long, List<Image>> byGroup = new java.util.LinkedHashMap<>();
            for (Image i : images.values()) {
                byGroup.computeIfAbsent(i.details().groupId().orElseThrow(), g -> new ArrayList<>()).add(i);
            }
            return byGroup;
        });
    }

    /**
     * The images a settings operation on {@code target} reaches: an image itself, or the images the caller may see
     * in a dataset, project (through its datasets), plate, plate acquisition or screen (through its plates), by id.
     *
     * @throws NotFoundException   when the target does not exist or is not visible
     * @throws ValidationException for a target of another kind
     */
    public List<Image> imagesOf(IObject target) {
        return session.read(q -> resolve(q, target));
    }

    private static List<Image> resolve(QueryPath q, IObject target) {
        IObject t = Containers.load(q, target);   // an invisible container answers like a missing one
        String ws = WellSample.class.getName();
        String inDataset = "(select l.child.id from " + DatasetImageLink.class.getName() + " l where l.parent.id";
        Select<Image> select;
        if (t instanceof Image image) {
            return List.of(image);
        } else if (t instanceof Dataset) {
            select = Select.from(Image.class).where("o.id in " + inDataset + " = :v)", t.id());
        } else if (t instanceof Project) {
            select = Select.from(Image.class).where("o.id in " + inDataset + " in (select p.child.id from "
                    + ProjectDatasetLink.class.getName() + " p where p.parent.id = :v))", t.id());
        } else if (t instanceof Plate) {
            select = Select.from(Image.class).where("o.id in (select s.image.id from " + ws
                    + " s where s.well.plate.id = :v)", t.id());
        } else if (t instanceof PlateAcquisition) {
            select = Select.from(Image.class).where("o.id in (select s.image.id from " + ws
                    + " s where s.plateAcquisition.id = :v)", t.id());
        } else if (t instanceof Screen) {
            select = Select.from(Image.class).where("o.id in (select s.image.id from " + ws
                    + " s where s.well.plate.id in (select l.child.id from " + ScreenPlateLink.class.getName()
                    + " l where l.parent.id = :v))", t.id());
        } else {
            throw new ValidationException("rendering settings apply to images and the images of projects, "
                    + "datasets, screens, plates and plate acquisitions, not to " + t);
        }
        return q.list(select.orderBy("o.id").page(0, Integer.MAX_VALUE));
    }

    /** {@code from} as settings of {@code px}: OMERO's applySettings keeps the target's plane where the source's
     * does not exist in it. */
    private static RenderingSettings onto(RenderingSettings from, Pixels px, Optional<RenderingSettings> current) {
        int fallbackZ = current.map(RenderingSettings::defaultZ).orElse(px.sizeZ() / 2);
        int fallbackT = current.map(RenderingSettings::defaultT).orElse(0);
        int z = from.defaultZ() < px.sizeZ() ? from.defaultZ() : fallbackZ;
        int t = from.defaultT() < px.sizeT() ? from.defaultT() : fallbackT;
        return from.withDefaultPlane(z, t);
    }

    /** The emission wavelengths of an image's channels in nanometres, by index (empty where unknown). */
    private static List<Optional<Double>> emissions(QueryPath q, long imageId) {
        List<Optional<Double>> out = new ArrayList<>();
        for (Channel c : q.list(Select.from(Channel.class).join("join fetch o.logicalChannel")
                .whereEquals("o.pixels.image.id", imageId).orderBy("o.index"))) {
            out.add(c.logicalChannel().emissionWave().map(l -> l.to(UnitsLength.NANOMETER).value()));
        }
        return out;
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
