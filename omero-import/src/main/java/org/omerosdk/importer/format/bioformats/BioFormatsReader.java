package org.omerosdk.importer.format.bioformats;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.omerosdk.importer.format.FormatReader;
import org.omerosdk.importer.format.Location;
import org.omerosdk.importer.format.MetadataEntry;
import org.omerosdk.importer.format.OpenedFileset;
import org.omerosdk.importer.format.SeriesMetadata;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.UnitsLength;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.PixelSources;

/**
 * Bio-Formats, when it is on the class path (Fiji ships it): delegates to {@code loci.formats.ImageReader}, loaded
 * reflectively so that the build needs no artifact Maven Central lacks. Lowest priority: it reads only what no
 * reader of ours does. Files on a filesystem only (Bio-Formats opens paths). Bio-Formats readers are not
 * thread-safe, so reads of one fileset are serialised.
 */
public final class BioFormatsReader implements FormatReader {
    private final ClassLoader loader;

    /** Looks for Bio-Formats through this class's loader. */
    public BioFormatsReader() {
        this(BioFormatsReader.class.getClassLoader());
    }

    /** Looks for Bio-Formats through {@code loader} (a host's plugin class loader, a test's jar). */
    public BioFormatsReader(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return "Bio-Formats";
    }

    @Override
    public int priority() {
        return -100;
    }

    /** Whether {@code loci.formats.ImageReader} can be loaded. */
    public boolean available() {
        return imageReaderClass().isPresent();
    }

    private Optional<Class<?>> imageReaderClass() {
        try {
            return Optional.of(Class.forName("loci.formats.ImageReader", true, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static Object call(Object target, String method, Object... args) {
        try {
            for (Method m : target.getClass().getMethods()) {
                if (m.getName().equals(method) && m.getParameterCount() == args.length
                        && compatible(m.getParameterTypes(), args)) {
                    return m.invoke(target, args);
                }
            }
            throw new FormatException("Bio-Formats has no method " + method + " with " + args.length + " arguments");
        } catch (IllegalAccessException e) {
            throw new FormatException("Bio-Formats' " + method + " is not accessible: " + e.getMessage(), e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new FormatException("Bio-Formats failed in " + method + ": " + cause, cause);
        }
    }

    private static boolean compatible(Class<?>[] types, Object[] args) {
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            Object a = args[i];
            if (a == null) {
                continue;
            }
            if (t == int.class && a instanceof Integer || t == boolean.class && a instanceof Boolean) {
                continue;
            }
            if (!t.isPrimitive() && t.isInstance(a)) {
                continue;
            }
            return false;
        }
        return true;
    }

    @Override
    public Confidence probe(Location location, byte[] head) {
        Optional<Class<?>> c = imageReaderClass();
        Optional<Path> path = location.asPath();
        if (c.isEmpty() || path.isEmpty()) {
            return Confidence.NO;
        }
        try {
            Object r = c.get().getConstructor().newInstance();
            try {
                boolean byContent = (Boolean) call(r, "isThisType", path.get().toString(), Boolean.TRUE);
                if (byContent) {
                    return Confidence.BY_CONTENT;
                }
                return (Boolean) call(r, "isThisType", path.get().toString(), Boolean.FALSE) ? Confidence.BY_NAME
                        : Confidence.NO;
            } finally {
                call(r, "close");
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Confidence.NO;
        }
    }

    @Override
    public OpenedFileset open(Location location) {
        Class<?> c = imageReaderClass().orElseThrow(() -> new FormatException(location.describe()
                + ": Bio-Formats (loci.formats.ImageReader) is not on the class path"));
        Path path = location.asPath().orElseThrow(() -> new FormatException(location.describe()
                + ": Bio-Formats reads files on a filesystem only"));
        Object reader;
        try {
            reader = c.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new FormatException("Bio-Formats' ImageReader cannot be created: " + e, e);
        }
        Object store = null;
        try {
            Class<?> tools = Class.forName("loci.formats.MetadataTools", true, loader);
            store = tools.getMethod("createOMEXMLMetadata").invoke(null);
            call(reader, "setMetadataStore", store);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            store = null;   // physical sizes are then unknown; everything else still reads
        }
        try {
            call(reader, "setFlattenedResolutions", Boolean.FALSE);
            call(reader, "setId", path.toString());
        } catch (FormatException e) {
            call(reader, "close");
            throw new FormatException(location.describe() + ": " + e.getMessage(), e);
        }
        int seriesCount = (Integer) call(reader, "getSeriesCount");
        List<SeriesMetadata> series = new ArrayList<>();
        for (int s = 0; s < seriesCount; s++) {
            call(reader, "setSeries", s);
            int sx = (Integer) call(reader, "getSizeX");
            int sy = (Integer) call(reader, "getSizeY");
            PixelType type = pixelType((Integer) call(reader, "getPixelType"), location);
            int rgb = (Integer) call(reader, "getRGBChannelCount");
            List<SeriesMetadata.LevelSize> levels = new ArrayList<>();
            int resolutions = (Integer) call(reader, "getResolutionCount");
            for (int r = 0; r < resolutions; r++) {
                call(reader, "setResolution", r);
                levels.add(new SeriesMetadata.LevelSize((Integer) call(reader, "getSizeX"),
                        (Integer) call(reader, "getSizeY")));
            }
            call(reader, "setResolution", 0);
            series.add(SeriesMetadata.builder(type, sx, sy)
                    .sizes((Integer) call(reader, "getSizeZ"), (Integer) call(reader, "getSizeC"),
                            (Integer) call(reader, "getSizeT"))
                    .dimensionOrder(DimensionOrder.parse((String) call(reader, "getDimensionOrder")))
                    .rgb(rgb > 1, (Boolean) call(reader, "isInterleaved"))
                    .physicalSizes(length(store, "getPixelsPhysicalSizeX", s),
                            length(store, "getPixelsPhysicalSizeY", s), length(store, "getPixelsPhysicalSizeZ", s))
                    .levels(levels)
                    .build());
        }
        List<MetadataEntry> original = new ArrayList<>();
        Object global = call(reader, "getGlobalMetadata");
        if (global instanceof Map<?, ?> m) {
            new TreeMap<>(m.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                    e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue()), (a, b) -> a)))
                    .forEach((k, v) -> original.add(new MetadataEntry(k, v)));
        }
        String[] used = (String[]) call(reader, "getUsedFiles");
        List<Location> files = new ArrayList<>();
        for (String u : used) {
            files.add(Location.of(Path.of(u)));
        }
        String format = "Bio-Formats " + call(reader, "getFormat");
        return new Fileset(reader, format, files.isEmpty() ? List.of(location) : files, series, original);
    }

    private Length length(Object store, String getter, int series) {
        if (store == null) {
            return null;
        }
        try {
            Object q = call(store, getter, series);
            if (q == null) {
                return null;
            }
            Class<?> units = Class.forName("ome.units.UNITS", true, loader);
            Object micrometre = units.getField("MICROMETER").get(null);
            Number v = (Number) call(q, "value", micrometre);
            return v == null ? null : Length.of(v.doubleValue(), UnitsLength.MICROMETER);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static PixelType pixelType(int t, Location where) {
        switch (t) {
            case 0: return PixelType.INT8;
            case 1: return PixelType.UINT8;
            case 2: return PixelType.INT16;
            case 3: return PixelType.UINT16;
            case 4: return PixelType.INT32;
            case 5: return PixelType.UINT32;
            case 6: return PixelType.FLOAT;
            case 7: return PixelType.DOUBLE;
            case 8: return PixelType.BIT;
            default: throw new FormatException(where.describe() + ": Bio-Formats pixel type " + t + " is unknown");
        }
    }

    private static final class Fileset implements OpenedFileset {
        private final Object reader;
        private final String format;
        private final List<Location> files;
        private final List<SeriesMetadata> series;
        private final List<MetadataEntry> original;

        Fileset(Object reader, String format, List<Location> files, List<SeriesMetadata> series,
                List<MetadataEntry> original) {
            this.reader = reader;
            this.format = format;
            this.files = List.copyOf(files);
            this.series = List.copyOf(series);
            this.original = List.copyOf(original);
        }

        @Override
        public String format() {
            return format;
        }

        @Override
        public List<Location> files() {
            return files;
        }

        @Override
        public List<SeriesMetadata> series() {
            return series;
        }

        @Override
        public List<MetadataEntry> originalMetadata() {
            return original;
        }

        @Override
        public PixelSource pixels(int index) {
            if (index < 0 || index >= series.size()) {
                throw new ValidationException("series " + index + " does not exist; there are " + series.size());
            }
            return new Source(this, index);
        }

        @Override
        public void close() {
            synchronized (reader) {
                call(reader, "close");
            }
        }
    }

    private static final class Source implements PixelSource {
        private final Fileset f;
        private final int index;
        private final SeriesMetadata s;

        Source(Fileset f, int index) {
            this.f = f;
            this.index = index;
            this.s = f.series.get(index);
        }

        @Override
        public PixelType pixelType() {
            return s.pixelType();
        }

        @Override
        public int sizeZ() {
            return s.sizeZ();
        }

        @Override
        public int sizeC() {
            return s.sizeC();
        }

        @Override
        public int sizeT() {
            return s.sizeT();
        }

        @Override
        public int levelCount() {
            return s.resolutionLevels();
        }

        @Override
        public int sizeX(int level) {
            return s.levels().get(level).sizeX();
        }

        @Override
        public int sizeY(int level) {
            return s.levels().get(level).sizeY();
        }

        @Override
        public void readRegion(int level, int z, int c, int t, int x, int y, int w, int h, ByteBuffer dst) {
            PixelSources.checkRegion(this, level, z, c, t, x, y, w, h, dst);
            Object r = f.reader;
            byte[] bytes;
            boolean little;
            int rgb;
            boolean interleaved;
            synchronized (r) {
                call(r, "setSeries", index);
                call(r, "setResolution", level);
                rgb = (Integer) call(r, "getRGBChannelCount");
                interleaved = (Boolean) call(r, "isInterleaved");
                little = (Boolean) call(r, "isLittleEndian");
                int no = (Integer) call(r, "getIndex", z, c / rgb, t);
                bytes = (byte[]) call(r, "openBytes", no, x, y, w, h);
            }
            int bpp = s.pixelType().bytesPerPixel();
            int sample = c % rgb;
            boolean swap = bpp > 1 && (little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN) != dst.order();
            int n = w * h;
            int start = dst.position();
            for (int i = 0; i < n; i++) {
                int src = interleaved ? (i * rgb + sample) * bpp : (sample * n + i) * bpp;
                for (int k = 0; k < bpp; k++) {
                    dst.put(start + i * bpp + k, bytes[src + (swap ? bpp - 1 - k : k)]);
                }
            }
            dst.position(start + n * bpp);
        }
    }
}
