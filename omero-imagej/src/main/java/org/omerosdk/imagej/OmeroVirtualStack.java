package org.omerosdk.imagej;

import ij.ImageListener;
import ij.ImagePlus;
import ij.VirtualStack;
import ij.process.ImageProcessor;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.omerosdk.model.ValidationException;
import org.omerosdk.render.PixelSource;

/**
 * An OMERO image as an ImageJ virtual hyperstack (XYCZT): each plane is read from one pyramid level of the image's
 * pixels when ImageJ asks for it, and kept in a cache bounded in bytes. ImageJ gets a copy of the cached plane, so
 * editing a plane (which a virtual stack does not keep) never changes what the next read returns. Read-only: planes
 * cannot be added or removed. Close it (closing the image does) to release the pixels.
 */
public final class OmeroVirtualStack extends VirtualStack implements AutoCloseable {
    private final PixelSource source;
    private final int level;
    private final int sizeC;
    private final int sizeZ;
    private final int planes;
    private final List<String> channelNames;
    /**
     * Least recently used planes, bounded in bytes. Not Caffeine: its frequency-based admission turns away a plane
     * read once when the cache holds only a few planes (the case of a big image), so the plane ImageJ just showed
     * would be read again at the next repaint.
     */
    private final java.util.LinkedHashMap<Integer, Object> cache = new java.util.LinkedHashMap<>(16, 0.75f, true);
    private final long planeBytes;
    private final long cacheBytes;
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    /**
     * Closes the source once: on {@link #close()}, when its image window is closed (headless ImageJ tells listeners
     * nothing when a window-less image closes), or when the stack is collected: a macro or plugin that opens images
     * and forgets them must not keep their planes and files.
     */
    private final Release release;
    private final Cleaner.Cleanable cleanable;

    OmeroVirtualStack(PixelSource source, int level, List<String> channelNames, long cacheBytes) {
        super(source.sizeX(level), source.sizeY(level), null, null);
        this.source = source;
        this.level = level;
        this.sizeC = source.sizeC();
        this.sizeZ = source.sizeZ();
        this.planes = sizeC * sizeZ * source.sizeT();
        this.channelNames = List.copyOf(channelNames);
        this.planeBytes = planeBytes(source, level);
        this.cacheBytes = Math.max(cacheBytes, planeBytes);
        setBitDepth(PlaneConversion.bitDepth(source.pixelType()));
        this.release = new Release(source);
        this.cleanable = CLEANER.register(this, release);
    }

    private static final Cleaner CLEANER = Cleaner.create();

    /** What closing needs, holding neither the stack nor its image, so that neither is kept reachable by it. */
    private static final class Release implements Runnable {
        private final PixelSource source;
        private volatile ImageListener listener;

        Release(PixelSource source) {
            this.source = source;
        }

        @Override
        public void run() {
            ImageListener l = listener;
            if (l != null) {
                ImagePlus.removeImageListener(l);
            }
            source.close();
        }
    }

    /**
     * Closes this stack when {@code imp} is closed. ImageJ's listener list is static: the listener holds the image
     * and the stack weakly, so an image that is never closed is still collected (and the cleaner closes its source).
     */
    void closeWith(ImagePlus imp) {
        ImageListener l = new ClosesWith(imp, this);
        release.listener = l;
        ImagePlus.addImageListener(l);
    }

    /** Static, so that it holds no hidden reference to the stack: the cleaner reaches it through {@link Release}. */
    private static final class ClosesWith implements ImageListener {
        private final WeakReference<ImagePlus> image;
        private final WeakReference<OmeroVirtualStack> stack;

        ClosesWith(ImagePlus image, OmeroVirtualStack stack) {
            this.image = new WeakReference<>(image);
            this.stack = new WeakReference<>(stack);
        }

        @Override
        public void imageOpened(ImagePlus i) {
        }

        @Override
        public void imageClosed(ImagePlus i) {
            OmeroVirtualStack s = stack.get();
            if (i != null && i == image.get() && s != null) {
                s.close();
            }
        }

        @Override
        public void imageUpdated(ImagePlus i) {
        }
    }

    /** Bytes one plane of {@code level} takes in ImageJ. */
    static long planeBytes(PixelSource source, int level) {
        return (long) source.sizeX(level) * source.sizeY(level) * (PlaneConversion.bitDepth(source.pixelType()) / 8);
    }

    /** The pyramid level the planes are read from (0 is full resolution). */
    public int level() {
        return level;
    }

    /** The most bytes the plane cache holds. */
    public long cacheBytes() {
        return cacheBytes;
    }

    /** How many planes were asked for, and how many of those came from the cache. */
    public long reads() {
        return reads.get();
    }

    /** How many planes the cache holds now. */
    public int cachedPlanes() {
        synchronized (cache) {
            return cache.size();
        }
    }

    public long cacheHits() {
        return hits.get();
    }

    @Override
    public ImageProcessor getProcessor(int n) {
        if (n < 1 || n > planes) {
            throw new ValidationException("plane " + n + " is outside 1.." + planes);
        }
        reads.incrementAndGet();
        int i = n - 1;
        int c = i % sizeC;
        int z = i / sizeC % sizeZ;
        int t = i / (sizeC * sizeZ);
        Object pixels;
        synchronized (cache) {
            pixels = cache.get(i);
        }
        if (pixels != null) {
            hits.incrementAndGet();
        } else {
            pixels = PlaneConversion.read(source, level, z, c, t).getPixels();
            synchronized (cache) {
                cache.put(i, pixels);
                var oldest = cache.keySet().iterator();
                while (cache.size() * planeBytes > cacheBytes && oldest.hasNext()) {
                    oldest.next();
                    oldest.remove();
                }
            }
        }
        return PlaneConversion.wrap(getWidth(), getHeight(), copy(pixels));
    }

    private static Object copy(Object pixels) {
        if (pixels instanceof byte[] b) {
            return b.clone();
        }
        if (pixels instanceof short[] s) {
            return s.clone();
        }
        return ((float[]) pixels).clone();
    }

    @Override
    public Object getPixels(int n) {
        return getProcessor(n).getPixels();
    }

    @Override
    public void setPixels(Object pixels, int n) {
        // a virtual stack does not keep edits (as ImageJ's own)
    }

    @Override
    public int getSize() {
        return planes;
    }

    @Override
    public int size() {
        return planes;
    }

    @Override
    public String getSliceLabel(int n) {
        return n < 1 || n > planes ? null : channelNames.get((n - 1) % sizeC);
    }

    @Override
    public void addSlice(String name) {
        throw new ValidationException("an OMERO virtual stack is read-only: no plane can be added");
    }

    @Override
    public void deleteSlice(int n) {
        throw new ValidationException("an OMERO virtual stack is read-only: plane " + n + " cannot be removed");
    }

    @Override
    public void deleteLastSlice() {
        deleteSlice(planes);
    }

    @Override
    public void close() {
        synchronized (cache) {
            cache.clear();
        }
        cleanable.clean();
    }
}
