package org.omerosdk.sdk;

import org.omerosdk.importer.NewImage;
import java.util.ArrayList;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.fs.FilesetEntry;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.screen.WellSample;
import org.omerosdk.permissions.BinaryAccessPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.omerosdk.model.acquisition.Detector;
import org.omerosdk.model.acquisition.DetectorSettings;
import org.omerosdk.model.acquisition.Experiment;
import org.omerosdk.model.acquisition.ImagingEnvironment;
import org.omerosdk.model.acquisition.Instrument;
import org.omerosdk.model.acquisition.LightSettings;
import org.omerosdk.model.acquisition.LightSource;
import org.omerosdk.model.acquisition.Objective;
import org.omerosdk.model.acquisition.ObjectiveSettings;
import org.omerosdk.model.acquisition.StageLabel;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.PlaneInfo;
import org.omerosdk.model.CancelledException;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.DatasetImageLink;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.fs.Fileset;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.render.PixelSource;

/** Images with their pixels and channels. */
public final class Images {
    private final Session session;

    Images(Session session) {
        this.session = session;
    }

    /**
     * Saves images with their pixels, logical channels and channels in one transaction, linking each to
     * {@code dataset} when given. Writes go out in JDBC batches; memory stays bounded however many images.
     * Returns the saved images in order. All or nothing.
     */
    public List<Image> saveAll(Optional<Dataset> dataset, List<NewImage> images, ProgressListener progress) {
        return session.write((q, w) -> save(q, w, dataset, images, Optional.empty(), progress));
    }

    /** Saves images (of {@code fileset} when given) inside the caller's transaction. */
    static List<Image> save(QueryPath q, WritePath w, Optional<Dataset> dataset, List<NewImage> images,
                            Optional<Fileset> fileset, ProgressListener progress) {
        Optional<Dataset> target = dataset.map(d -> Containers.load(q, d));
        List<Image> saved = new ArrayList<>(images.size());
        long done = 0;
        for (NewImage n : images) {
            fileset.ifPresent(n.image()::setFileset);
            Image image = w.create(n.image());
            Pixels px = n.pixels();
            px.setImage(image);
            w.create(px);
            int index = 0;
            for (Channel c : n.channels()) {
                if (!c.logicalChannel().isSaved()) {
                    w.create(c.logicalChannel());
                }
                c.attach(px, index++);
                w.create(c);
            }
            if (target.isPresent()) {
                w.create(new DatasetImageLink(target.get(), image));
            }
            saved.add(image);
            w.batchBoundary();
            done++;
            if (Thread.currentThread().isInterrupted()) {
                throw new CancelledException("saving images interrupted after " + done + " of "
                        + images.size() + "; nothing was saved");
            }
            // a listener throwing CancelledException rolls the whole save back
            progress.progress("save images", done, images.size());
        }
        return saved;
    }

    /** Saves one image with its pixels and channels. */
    public Image save(NewImage image) {
        return saveAll(Optional.empty(), List.of(image), ProgressListener.NONE).get(0);
    }

    /** @throws NotFoundException when the image does not exist or is not visible */
    public Image get(long id) {
        return session.read(q -> q.byId(Image.class, id)
                .orElseThrow(() -> new NotFoundException("Image:" + id + " does not exist or is not visible")));
    }

    /** One page of the images the caller may see, by id. */
    public Page<Image> list(Listing listing) {
        return listing.read(session, Select.from(Image.class));
    }

    /** How many images the caller may see (the listing's owner and group apply; its page does not). */
    public long count(Listing listing) {
        return session.read(q -> q.count(listing.filter(Select.from(Image.class))));
    }

    /**
     * The images whose name or description contains {@code text} (ignoring case; {@code %} and {@code _} match
     * themselves), one page, by id; only images the caller may see. {@link Session#browse()} searches every type.
     */
    public Page<Image> search(String text, Listing listing) {
        return listing.read(session, Select.from(Image.class).containing(text));
    }

    /** The original files {@code image} was imported from (its fileset's) that the caller may see, by id. */
    public List<OriginalFile> originalFiles(Image image) {
        return session.read(q -> q.list(Select.from(OriginalFile.class).where("o.id in (select e.originalFile.id "
                + "from " + FilesetEntry.class.getName() + " e where e.fileset.id in (select i.fileset.id from "
                + Image.class.getName() + " i where i.id = :v))", image.id())));
    }

    /**
     * Opens an original file of the managed repository for reading, when the caller may see it and
     * {@code omero.policy.binary_access} (the server's value with the file's group's) lets them download it.
     *
     * @throws NotFoundException  when the file does not exist or is not visible (the same answer for both)
     * @throws SecurityViolation  naming the policy rule that restricts the download
     */
    public java.io.InputStream download(OriginalFile file) {
        OriginalFile visible = session.read(q -> q.byId(OriginalFile.class, file.id()))
                .orElseThrow(() -> new NotFoundException("OriginalFile:" + file.id()
                        + " does not exist or is not visible"));
        Store store = session.sdk().store();
        // the policy's facts are read without the caller's filter, in one transaction: they decide yes or no, and
        // are not returned
        String filesets = "(select e.fileset.id from " + FilesetEntry.class.getName() + " e where e.originalFile.id "
                + "= :v)";
        record Facts(BinaryAccessPolicy.Target target, String groupValue) {
        }
        Facts facts = store.read(Bootstrap.SYSTEM_CONTEXT, q -> {
            long images = q.count(Select.from(Image.class).where("o.fileset.id in " + filesets, visible.id()));
            long inWells = q.count(Select.from(WellSample.class).where("o.image.id in (select i.id from "
                    + Image.class.getName() + " i where i.fileset.id in " + filesets + ")", visible.id()));
            String groupValue = q.byId(ExperimenterGroup.class, visible.details().groupId().orElse(-1L))
                    .flatMap(ExperimenterGroup::binaryAccess).orElse(null);
            return new Facts(BinaryAccessPolicy.Target.originalFile(visible.name(), images > 0, inWells > 0),
                    groupValue);
        });
        checkPolicy(store, visible, facts.target(), facts.groupValue(), "download " + visible.name());
        return session.sdk().repository().store().get(visible.path() + visible.name());
    }

    /**
     * The pixels of {@code image} for reading and rendering: its pyramid when the import built one, else the
     * original files through their format reader (a fileset's reader stays open, shared, while it is used, and closes
     * when idle). Close the returned source when done.
     *
     * @throws NotFoundException when the image does not exist, is not visible, or has no imported pixel data
     * @throws SecurityViolation naming the {@code omero.policy.binary_access} rule that restricts the pixels
     */
    public PixelSource pixels(Image image) {
        return open(image, true);
    }

    /**
     * The pixels of {@code image} for rendering by this SDK (never handed to a caller): as {@link #pixels}, but
     * without {@code omero.policy.binary_access}, which in OMERO restricts downloads of raw pixels and files, not
     * rendered views (OMERO's rendering engine does not check it, so OMERO.web shows plates under the default
     * policy that forbids downloading them).
     */
    PixelSource renderable(Image image) {
        return renderableVisible(get(image.id()));
    }

    /**
     * As {@link #renderable}, for an image this call has just read through the caller's session ({@code visible}
     * as stored): no second look-up. An image's files never change after import, so the entries are cached by
     * image id; only callers that passed the visibility check reach them.
     */
    PixelSource renderableVisible(Image visible) {
        List<FilesetEntry> entries = session.sdk().pixelSources().entriesOf(visible.id(),
                () -> session.sdk().store().read(Bootstrap.SYSTEM_CONTEXT, q -> entries(q, visible)));
        return open(visible, entries);
    }

    private PixelSource open(Image image, boolean policy) {
        Image visible = get(image.id());
        Store store = session.sdk().store();
        record Facts(BinaryAccessPolicy.Target target, String groupValue, List<FilesetEntry> entries) {
        }
        Facts facts = store.read(Bootstrap.SYSTEM_CONTEXT, q -> {
            long inWells = q.count(Select.from(WellSample.class).whereEquals("o.image.id", visible.id()));
            String groupValue = q.byId(ExperimenterGroup.class, visible.details().groupId().orElse(-1L))
                    .flatMap(ExperimenterGroup::binaryAccess).orElse(null);
            return new Facts(BinaryAccessPolicy.Target.image(inWells > 0), groupValue, entries(q, visible));
        });
        if (policy) {
            checkPolicy(store, visible, facts.target(), facts.groupValue(), "read the pixels of " + visible);
        }
        return open(visible, facts.entries());
    }

    private PixelSource open(Image visible, List<FilesetEntry> entries) {
        if (entries.isEmpty()) {
            throw new NotFoundException(visible + " has no imported pixel data (it was saved without files)");
        }
        return session.sdk().pixelSources().open(session.sdk().repository(), entries, visible.series());
    }

    /** The entries of the fileset {@code image} belongs to, in entry order, with their files and fileset. */
    private static List<FilesetEntry> entries(QueryPath q, Image image) {
        return q.list(Select.from(FilesetEntry.class).join("join fetch o.originalFile").join("join fetch o.fileset")
                .where("o.fileset.id in (select i.fileset.id from " + Image.class.getName() + " i where i.id = :v)",
                        image.id()).orderBy("o.id"));
    }

    /** @throws SecurityViolation when {@code omero.policy.binary_access} restricts {@code what} on {@code target} */
    private void checkPolicy(Store store, org.omerosdk.model.meta.IObject object, BinaryAccessPolicy.Target target,
                             String groupValue, String what) {
        BinaryAccessPolicy policy = BinaryAccessPolicy.parse(session.sdk().config()
                .get(ConfigKeys.POLICY_BINARY_ACCESS)).withGroup(groupValue);
        Optional<String> restricted = policy.restriction(target, store.mayEdit(session.context(), object));
        if (restricted.isPresent()) {
            throw new SecurityViolation("user \"" + session.user().omeName() + "\" may not " + what + ": "
                    + restricted.get());
        }
    }

    /** The pixels row of {@code image} (OMERO's primary pixels): sizes, type, physical sizes; its image loaded. */
    public Pixels primaryPixels(Image image) {
        return session.read(q -> {
            // the image through the read filter first, so that the pixels refer to it loaded
            q.byId(Image.class, image.id());
            return pixelsOf(q, image);
        }).orElseThrow(() -> new NotFoundException(image + " has no pixels"));
    }

    /** The pixels of {@code image} as the caller may see them. */
    static Optional<Pixels> pixelsOf(QueryPath q, Image image) {
        return q.first(Select.from(Pixels.class).whereEquals("o.image.id", image.id()));
    }

    /** The channels of {@code image} in index order, with their logical channels. */
    public List<Channel> channels(Image image) {
        return session.read(q -> q.list(Select.from(Channel.class).join("join fetch o.logicalChannel")
                .whereEquals("o.pixels.image.id", image.id()).orderBy("o.index")));
    }

    /**
     * How {@code image} was acquired: its instrument and the instrument's parts, objective settings, stage label,
     * imaging environment, experiment and each channel's detector and light-source settings, as the caller may see
     * them.
     *
     * @throws NotFoundException when the image does not exist or is not visible
     */
    public ImageAcquisition acquisition(Image image) {
        return session.read(q -> {
            long id = visible(q, image).id();
            // the parts first: the settings read afterwards refer to them loaded (an invisible part stays a reference)
            Optional<Instrument> instrument = q.first(Select.from(Instrument.class)
                    .where("o.id = " + ofImage("instrument"), id));
            List<Objective> objectives = List.of();
            List<Detector> detectors = List.of();
            List<LightSource> sources = List.of();
            if (instrument.isPresent()) {
                long i = instrument.get().id();
                objectives = q.list(Select.from(Objective.class).whereEquals("o.instrument.id", i).orderBy("o.id"));
                detectors = q.list(Select.from(Detector.class).whereEquals("o.instrument.id", i).orderBy("o.id"));
                sources = q.list(Select.from(LightSource.class).whereEquals("o.instrument.id", i).orderBy("o.id"));
            }
            Optional<ObjectiveSettings> objective = q.first(Select.from(ObjectiveSettings.class)
                    .where("o.id = " + ofImage("objectiveSettings"), id));
            Optional<StageLabel> stage = q.first(Select.from(StageLabel.class)
                    .where("o.id = " + ofImage("stageLabel"), id));
            Optional<ImagingEnvironment> environment = q.first(Select.from(ImagingEnvironment.class)
                    .where("o.id = " + ofImage("imagingEnvironment"), id));
            Optional<Experiment> experiment = q.first(Select.from(Experiment.class)
                    .where("o.id = " + ofImage("experiment"), id));
            String ofChannels = " from " + Channel.class.getName() + " c where c.pixels.image.id = :v)";
            Map<Long, DetectorSettings> detectorSettings = new HashMap<>();
            q.list(Select.from(DetectorSettings.class).where("o.id in (select c.logicalChannel.detectorSettings.id"
                    + ofChannels, id)).forEach(s -> detectorSettings.put(s.id(), s));
            Map<Long, LightSettings> lightSettings = new HashMap<>();
            q.list(Select.from(LightSettings.class).where("o.id in (select c.logicalChannel.lightSourceSettings.id"
                    + ofChannels, id)).forEach(s -> lightSettings.put(s.id(), s));
            List<ImageAcquisition.ChannelAcquisition> channels = new ArrayList<>();
            for (Channel c : q.list(Select.from(Channel.class).join("join fetch o.logicalChannel")
                    .whereEquals("o.pixels.image.id", id).orderBy("o.index"))) {
                LogicalChannel lc = c.logicalChannel();
                channels.add(new ImageAcquisition.ChannelAcquisition(c.index(),
                        lc.detectorSettings().map(s -> detectorSettings.get(Detached.referenceId(s))),
                        lc.lightSourceSettings().map(s -> lightSettings.get(Detached.referenceId(s)))));
            }
            return new ImageAcquisition(instrument, objectives, detectors, sources, objective, channels, stage,
                    environment, experiment);
        });
    }

    /**
     * What {@code image}'s file says about each of its planes (OMERO's PlaneInfo: z, c, t, delta-t, exposure time,
     * stage position), ordered by t, c, z; empty when it said nothing.
     *
     * @throws NotFoundException when the image does not exist or is not visible
     */
    public List<PlaneInfo> planeInfos(Image image) {
        return session.read(q -> q.list(Select.from(PlaneInfo.class)
                .whereEquals("o.pixels.image.id", visible(q, image).id()).orderBy("o.theT, o.theC, o.theZ, o.id")));
    }

    private static Image visible(QueryPath q, Image image) {
        return q.byId(Image.class, image.id())
                .orElseThrow(() -> new NotFoundException("Image:" + image.id() + " does not exist or is not visible"));
    }

    /** The id {@code property} of the image {@code :v} refers to, as an HQL subquery. */
    private static String ofImage(String property) {
        return "(select i." + property + ".id from " + Image.class.getName() + " i where i.id = :v)";
    }
}
