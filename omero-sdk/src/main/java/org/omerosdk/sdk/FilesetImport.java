package org.omerosdk.sdk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.omerosdk.importer.NewImage;
import org.omerosdk.importer.format.FormatReaders;
import org.omerosdk.importer.format.Location;
import org.omerosdk.importer.format.MetadataEntry;
import org.omerosdk.importer.format.OpenedFileset;
import org.omerosdk.importer.format.PlateLayout;
import org.omerosdk.importer.format.SeriesMetadata;
import org.omerosdk.importer.format.SeriesRole;
import org.omerosdk.model.CancelledException;
import org.omerosdk.model.OmeroException;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.annotations.FileAnnotation;
import org.omerosdk.model.annotations.ImageAnnotationLink;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.display.RenderingDef;
import org.omerosdk.model.display.Thumbnail;
import org.omerosdk.model.fs.ChecksumAlgorithm;
import org.omerosdk.model.fs.Fileset;
import org.omerosdk.model.fs.FilesetEntry;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.model.screen.NamingConvention;
import org.omerosdk.model.screen.Plate;
import org.omerosdk.model.screen.PlateAcquisition;
import org.omerosdk.model.screen.Screen;
import org.omerosdk.model.screen.ScreenPlateLink;
import org.omerosdk.model.screen.Well;
import org.omerosdk.model.screen.WellSample;
import org.omerosdk.model.store.BinaryStore;
import org.omerosdk.render.ChannelStatistics;
import org.omerosdk.render.ImageEncoder;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.Renderer;
import org.omerosdk.render.RenderingDefaults;
import org.omerosdk.render.RenderingSettings;
import org.omerosdk.render.Thumbnails;
import org.omerosdk.render.pyramid.PyramidBuilder;
import org.omerosdk.render.pyramid.PyramidMetadata;
import org.omerosdk.repo.ImportLocation;
import org.omerosdk.repo.ManagedRepository;
import org.omerosdk.repo.StoredFile;
import org.omerosdk.repo.TransferMode;

/**
 * One fileset through the pipeline: open with the readers, transfer into the managed repository with checksums,
 * read every plane once (channel statistics, and the pyramid when a plane is too large and the file has no levels),
 * render the thumbnails, then write every row in one transaction. On any failure the rows roll back and every key
 * placed below the fileset's directory is removed.
 */
final class FilesetImport {
    /** Where the pipeline keeps what it derives from a fileset, inside the fileset's own directory. */
    static final String DERIVED = ".omero-pixels/";
    /** OMERO's namespace of the original-metadata companion file. */
    static final String COMPANION_NS = "openmicroscopy.org/omero/import/companionFile";
    static final String COMPANION_NAME = "original_metadata.txt";

    private final Session session;
    private final ManagedRepository repository;
    private final FormatReaders readers;
    private final ImportOptions.Settings settings;
    private final Targets targets;
    private final ProgressListener progress;

    /**
     * Where the images of a batch are linked. A new dataset is created by the first fileset to commit: the filesets
     * that find none yet write one after the other, holding {@link #lock}, until one has committed it.
     */
    static final class Targets {
        private final Optional<ImportOptions.Target> target;
        private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
        private volatile Dataset created;
        /** Who imports into which group, read once per batch; each fileset adds its own time and thread. */
        private volatile org.omerosdk.repo.template.TemplateContext who;

        /** The group's folder mapping, read once per batch. */
        private final Optional<ImportFolder> folder;

        Targets(Optional<ImportOptions.Target> target, Optional<ImportFolder> folder) {
            this.target = target;
            this.folder = folder;
        }

        org.omerosdk.repo.template.TemplateContext templateContext(Session session, ManagedRepository repository) {
            org.omerosdk.repo.template.TemplateContext base = who;
            if (base == null) {
                base = new Imports(session, repository).templateContext();
                who = base;
            }
            return new org.omerosdk.repo.template.TemplateContext(base.userName(), base.userId(), base.groupName(),
                    base.groupId(), base.groupPermissions(), base.sessionUuid(), base.sessionId(),
                    base.institution(), java.time.ZonedDateTime.now(), Thread.currentThread().getName(),
                    base.clientPaths());
        }

        boolean mayCreate() {
            return target.orElse(null) instanceof ImportOptions.Target.NewDataset && created == null;
        }
    }

    FilesetImport(Session session, ManagedRepository repository, FormatReaders readers,
                  ImportOptions.Settings settings, Targets targets, ProgressListener progress) {
        this.session = session;
        this.repository = repository;
        this.readers = readers;
        this.settings = settings;
        this.targets = targets;
        this.progress = progress;
    }

    /** A fileset found from a path: the files it consists of, the opened one (or the directory's first) first. */
    record Found(Path source, boolean directory, String format, List<Path> files, long bytes) {
    }

    /** Opens {@code source} to learn which files belong to its fileset. */
    static Found find(FormatReaders readers, Path source) {
        Path abs = source.toAbsolutePath().normalize();
        try (OpenedFileset f = readers.open(Location.of(abs))) {
            List<Path> files = files(f, abs);
            long bytes = 0;
            for (Path p : files) {
                bytes += sizeOf(p);
            }
            return new Found(abs, Files.isDirectory(abs), f.format(), files, bytes);
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            throw new StorageException("cannot read the size of " + p + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> files(OpenedFileset f, Path source) {
        List<Path> files = new ArrayList<>();
        for (Location l : f.files()) {
            Path p = l.path().orElseThrow(() -> new StorageException(l.describe() + " is not a local file"));
            if (!Files.isDirectory(p)) {
                files.add(p.toAbsolutePath().normalize());
            }
        }
        if (Files.isDirectory(source)) {
            // a directory format reopens from a file directly inside its directory: that file goes first
            files.sort((a, b) -> Boolean.compare(!source.equals(a.getParent()), !source.equals(b.getParent())));
        }
        if (files.isEmpty()) {
            throw new org.omerosdk.model.FormatException(source + " holds no files to import");
        }
        return files;
    }

    ImportReport run(Found found) {
        long start = System.nanoTime();
        long[] bytes = {0};
        List<String> placedUnder = new ArrayList<>();
        List<StoredFile> stored = new ArrayList<>();
        String journal = null;
        try (OpenedFileset opened = readers.open(Location.of(found.source()))) {
            step("probe", 1, 1);
            // every file the reader named, not only the one given: a companion file may point out of the folder
            ImportFolders.check(targets.folder, found.files(), settings.mode());
            TransferMode mode = settings.mode() == TransferMode.MOVE ? TransferMode.HARD_LINK : settings.mode();
            ImportLocation where = repository.prepare(targets.templateContext(session, repository),
                    found.files().stream().map(Path::toString).toList(), OptionalInt.of(found.directory() ? 1 : 0));
            placedUnder.add(where.templatePrefix());
            journal = ImportJournal.begin(repository.store(), where.templatePrefix());
            ChecksumAlgorithm algorithm = repository.checksums().supported().get(0);
            BinaryStore store = repository.store();
            // a large fileset is read for its statistics and thumbnails (from the original files, which the
            // transfer reads too, so the second read mostly hits the page cache) while it is being transferred
            java.util.concurrent.Future<List<Series>> overlapped = found.bytes() >= OVERLAP_BYTES
                    ? DERIVE_THREADS.submit(() -> derive(opened, where, store)) : null;
            List<Series> series;
            try {
                stored.addAll(repository.transfer(where, found.files(), mode, algorithm, (step, done, total) -> {
                    bytes[0] = done;
                    progress.progress("transfer", done, total);
                }));
                series = overlapped == null ? derive(opened, where, store) : joined(overlapped);
            } finally {
                if (overlapped != null) {
                    quietly(() -> {
                        joined(overlapped);   // nothing may still write below the directory once this fails
                        return true;
                    });
                }
            }
            String companion = where.templatePrefix() + DERIVED + COMPANION_NAME;
            byte[] text = originalMetadata(opened);
            store.put(companion, text);
            Recorded recorded;
            boolean locked = targets.mayCreate();
            if (locked) {
                targets.lock.lock();
            }
            try {
                recorded = session.write((q, w) -> record(q, w, found, opened, where, stored, series,
                        companion, text.length));
                recorded.newDataset().ifPresent(d -> targets.created = d);
            } finally {
                if (locked) {
                    targets.lock.unlock();
                }
            }
            if (settings.mode() == TransferMode.MOVE) {
                repository.removeOriginals(found.files()); // ln_rm: only once the import is committed
            }
            ImportJournal.end(repository.store(), journal);
            return new ImportReport(found.source(), found.format(), Optional.of(recorded.fileset()),
                    recorded.images(), stored, bytes[0], Duration.ofNanos(System.nanoTime() - start),
                    Optional.empty());
        } catch (RuntimeException e) {
            if (removePlaced(stored, placedUnder) && journal != null) {
                ImportJournal.end(repository.store(), journal);
            }
            OmeroException error = e instanceof OmeroException oe ? oe
                    : new StorageException("importing " + found.source() + " failed: " + e, e);
            return ImportReport.failed(found.source(), found.format(), bytes[0],
                    Duration.ofNanos(System.nanoTime() - start), error);
        }
    }

    /** Filesets at least this large are measured while they are transferred. */
    static final long OVERLAP_BYTES = 32L << 20;

    /** Where a large fileset's statistics and thumbnails are made while its files are transferred. */
    private static final java.util.concurrent.ExecutorService DERIVE_THREADS =
            java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "omero-import-derive");
                t.setDaemon(true);
                return t;
            });

    private static List<Series> joined(java.util.concurrent.Future<List<Series>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancelledException("import interrupted while measuring the pixels");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re
                    : new StorageException("measuring the pixels failed: " + e.getCause(), e.getCause());
        }
    }

    /** What the pipeline derived from one series before anything is recorded. */
    record Series(int index, SeriesMetadata metadata, RenderingSettings rendering, Optional<String> thumbnailKey,
                  int thumbnailWidth, int thumbnailHeight) {
    }

    /** Statistics, pyramid and thumbnail of every image series: one read of the pixels. */
    private List<Series> derive(OpenedFileset opened, ImportLocation where, BinaryStore store) {
        PyramidBuilder pyramids = PyramidBuilder.from(session.sdk().config());
        Thumbnails thumbnails = Thumbnails.create(Renderer.singleThreaded(), session.sdk().config());
        int side = session.sdk().config().getInt(ConfigKeys.CLIENT_THUMB_DEFAULT_SIZE);
        List<Series> out = new ArrayList<>();
        for (int i = 0; i < opened.series().size(); i++) {
            SeriesMetadata s = opened.series().get(i);
            if (s.role() == SeriesRole.SEGMENTATION) {
                continue;   // labels stay in the fileset; they are not images of their own
            }
            PixelSource source = opened.pixels(i);
            ChannelStatistics stats = new ChannelStatistics(s.pixelType(), s.sizeC());
            PixelSource shown = source;
            if (source.levelCount() == 1 && pyramids.requiresPyramid(s.pixelType(), s.sizeX(), s.sizeY())) {
                shown = pyramids.build(stats.observing(source), store, pyramidKey(where.templatePrefix(), i),
                        PyramidMetadata.named(s.name()), progress);
            } else {
                stats = ChannelStatistics.measure(source, progress);
            }
            RenderingSettings rendering = RenderingDefaults.of(s.pixelType(), s.sizeZ(), channelInfo(s, stats));
            var thumb = thumbnails.thumbnail(i, shown, rendering, side);
            String key = where.templatePrefix() + DERIVED + i + ".thumbnail.jpg";
            store.put(key, ImageEncoder.jpeg(thumb));
            step("thumbnail", i + 1, opened.series().size());
            out.add(new Series(i, s, rendering, Optional.of(key), thumb.width(), thumb.height()));
        }
        return out;
    }

    /** The key of series {@code index}'s pyramid below a fileset's directory. */
    static String pyramidKey(String templatePrefix, int index) {
        return templatePrefix + DERIVED + index + ".zarr";
    }

    private static List<RenderingDefaults.ChannelInfo> channelInfo(SeriesMetadata s, ChannelStatistics stats) {
        List<RenderingDefaults.ChannelInfo> info = new ArrayList<>();
        for (int c = 0; c < s.sizeC(); c++) {
            var ch = s.channels().get(c);
            OptionalDouble emission = ch.emissionWavelength().map(l -> OptionalDouble.of(l.to(org.omerosdk.model.units.UnitsLength.NANOMETER).value()))
                    .orElse(OptionalDouble.empty());
            info.add(new RenderingDefaults.ChannelInfo(ch.color(), emission, stats.min(c), stats.max(c)));
        }
        return info;
    }

    record Recorded(Fileset fileset, List<Image> images, Optional<Dataset> newDataset) {
    }

    private Recorded record(QueryPath q, WritePath w, Found found, OpenedFileset opened, ImportLocation where,
                            List<StoredFile> stored, List<Series> series, String companionKey, long companionSize) {
        Fileset fileset = Imports.recordFileset(w, where, stored);
        List<NewImage> images = new ArrayList<>();
        String fallback = found.source().getFileName().toString();
        AcquisitionRecords acquisition = new AcquisitionRecords(w);
        for (Series s : series) {
            NewImage n = s.metadata().toNewImage(opened.series().size() == 1 ? fallback
                    : fallback + " [" + s.index() + "]");
            n.image().setSeries(s.index());
            acquisition.refer(s.metadata(), n);
            images.add(n);
        }
        Optional<PlateLayout> plate = opened.plate();
        Dataset[] created = {null};
        Optional<Dataset> dataset = plate.isPresent() ? Optional.empty() : dataset(w, created);
        List<Image> saved = Images.save(q, w, dataset, images, Optional.of(fileset), progress);
        OriginalFile text = new OriginalFile(companionKey.substring(0, companionKey.lastIndexOf('/') + 1),
                COMPANION_NAME);
        text.setSize(companionSize);
        text.setMimetype("text/plain");
        text = w.create(text);
        FileAnnotation annotation = new FileAnnotation(text);
        annotation.setNs(COMPANION_NS);
        annotation = w.create(annotation);
        Map<Integer, Image> bySeries = new HashMap<>();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            Image image = saved.get(i);
            bySeries.put(s.index(), image);
            acquisition.planes(s.metadata(), images.get(i).pixels());
            RenderingDef rd = Renderings.insert(w, images.get(i).pixels(), s.rendering());
            if (s.thumbnailKey().isPresent()) {
                Thumbnail t = new Thumbnail(images.get(i).pixels(), s.thumbnailWidth(), s.thumbnailHeight(),
                        "image/jpeg", rd.version());
                t.setRef(s.thumbnailKey().get());
                w.create(t);
            }
            w.create(new ImageAnnotationLink(image, annotation));
            w.batchBoundary();
        }
        plate.ifPresent(p -> recordPlate(q, w, p, opened, bySeries));
        return new Recorded(fileset, saved, Optional.ofNullable(created[0]));
    }

    private void recordPlate(QueryPath q, WritePath w, PlateLayout layout, OpenedFileset opened,
                             Map<Integer, Image> bySeries) {
        Plate plate = new Plate(layout.name().isEmpty() ? "plate" : layout.name());
        plate.setNamingConventions(convention(layout.rowNames()), convention(layout.columnNames()));
        plate = w.create(plate);
        Map<Long, PlateAcquisition> runs = new HashMap<>();
        for (PlateLayout.Acquisition a : layout.acquisitions()) {
            PlateAcquisition run = new PlateAcquisition(plate, a.name());
            run.setMaximumFieldCount(layout.fieldCount());
            runs.put(a.id(), w.create(run));
        }
        for (PlateLayout.Well lw : layout.wells()) {
            Well well = w.create(new Well(plate, lw.row(), lw.column()));
            for (int seriesIndex : lw.fieldSeries()) {
                Image image = bySeries.get(seriesIndex);
                if (image == null) {
                    continue;
                }
                WellSample sample = new WellSample(well, image);
                opened.series().get(seriesIndex).platePosition().flatMap(p -> p.acquisition().isPresent()
                        ? Optional.ofNullable(runs.get(p.acquisition().getAsLong())) : Optional.empty())
                        .ifPresent(sample::setPlateAcquisition);
                if (runs.size() == 1 && opened.series().get(seriesIndex).platePosition()
                        .map(p -> p.acquisition().isEmpty()).orElse(true)) {
                    sample.setPlateAcquisition(runs.values().iterator().next());
                }
                w.create(sample);
            }
            w.batchBoundary();
        }
        if (targets.target.orElse(null) instanceof ImportOptions.Target.Existing e
                && e.container() instanceof Screen screen) {
            w.create(new ScreenPlateLink(Containers.load(q, screen), plate));
        }
    }

    private static NamingConvention convention(List<String> names) {
        return !names.isEmpty() && !names.get(0).isEmpty() && Character.isDigit(names.get(0).charAt(0))
                ? NamingConvention.NUMBER : NamingConvention.LETTER;
    }

    /** The dataset the images go to, creating the batch's new dataset in this transaction when it is the first. */
    private Optional<Dataset> dataset(WritePath w, Dataset[] created) {
        ImportOptions.Target t = targets.target.orElse(null);
        if (t instanceof ImportOptions.Target.Existing e && e.container() instanceof Dataset d) {
            return Optional.of(d);
        }
        if (t instanceof ImportOptions.Target.NewDataset nd) {
            Dataset existing = targets.created;
            if (existing != null) {
                return Optional.of(existing);
            }
            // published to the other filesets once this transaction has committed (see run)
            created[0] = w.create(new Dataset(nd.name()));
            return Optional.of(created[0]);
        }
        return Optional.empty();
    }

    /** OMERO's original_metadata.txt: the fileset's pairs, then each series' own. */
    static byte[] originalMetadata(OpenedFileset f) {
        StringBuilder s = new StringBuilder("[GlobalMetadata]\n");
        for (MetadataEntry e : f.originalMetadata()) {
            s.append(line(e.key())).append('=').append(line(e.value())).append('\n');
        }
        s.append("[SeriesMetadata]\n");
        boolean several = f.series().size() > 1;
        for (int i = 0; i < f.series().size(); i++) {
            for (MetadataEntry e : f.series().get(i).originalMetadata()) {
                s.append(several ? "Series " + i + " " : "").append(line(e.key())).append('=')
                        .append(line(e.value())).append('\n');
            }
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String line(String v) {
        return v.replace("\r", "\\r").replace("\n", "\\n");
    }

    private void step(String step, long done, long total) {
        progress.progress(step, done, total);
        if (Thread.currentThread().isInterrupted()) {
            throw new CancelledException("import cancelled at " + step);
        }
    }

    /** Removes what a failed fileset placed: its stored files and everything below its own (new) directory. */
    /** Removes what the failed import placed; false when some of it could not be removed (the journal stays). */
    private boolean removePlaced(List<StoredFile> stored, List<String> placedUnder) {
        BinaryStore store = repository.store();
        boolean all = true;
        for (StoredFile f : stored) {
            if (f.mode() != TransferMode.IN_PLACE) {
                all &= quietly(() -> store.delete(f.key()));
            }
        }
        for (String prefix : placedUnder) {
            all &= quietly(() -> {
                for (String k : store.list(prefix)) {
                    store.delete(k);
                }
                return true;
            });
        }
        return all;
    }

    private static boolean quietly(java.util.function.BooleanSupplier work) {
        try {
            work.getAsBoolean();
            return true;
        } catch (RuntimeException ignored) {
            // best effort: the original failure is what the report names
            return false;
        }
    }
}
