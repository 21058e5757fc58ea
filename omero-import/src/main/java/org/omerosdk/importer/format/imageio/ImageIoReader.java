package org.omerosdk.importer.format.imageio;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.omerosdk.importer.format.ChannelMetadata;
import org.omerosdk.importer.format.ColorTable;
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
import org.omerosdk.render.InMemoryPixelSource;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.codec.tiff.JpegCodec;
import org.w3c.dom.Node;

/**
 * PNG (1 to 16 bits, grey, RGB, palette, alpha; pHYs as the pixel size), JPEG (8-bit baseline and progressive),
 * BMP and GIF (the first frame) through the JDK's ImageIO decoders. Opening reads the header only; the first
 * pixel read decodes the whole image once (these formats have no tiles) and keeps it. The files are read whole,
 * up to 1 GiB. A decoder warning (a truncated or damaged JPEG) is an error.
 */
public final class ImageIoReader implements FormatReader {
    static final long MAX_BYTES = 1L << 30;

    private enum Kind {
        PNG("png"), JPEG("jpeg"), BMP("bmp"), GIF("gif");

        final String imageIoName;

        Kind(String n) {
            imageIoName = n;
        }
    }

    @Override
    public String name() {
        return "PNG/JPEG/BMP/GIF";
    }

    private static Kind kind(byte[] h) {
        if (h.length >= 8 && (h[0] & 0xFF) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') {
            return Kind.PNG;
        }
        if (h.length >= 3 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8 && (h[2] & 0xFF) == 0xFF) {
            return Kind.JPEG;
        }
        if (h.length >= 14 && h[0] == 'B' && h[1] == 'M') {
            return Kind.BMP;
        }
        if (h.length >= 6 && h[0] == 'G' && h[1] == 'I' && h[2] == 'F' && h[3] == '8') {
            return Kind.GIF;
        }
        return null;
    }

    @Override
    public Confidence probe(Location location, byte[] head) {
        return kind(head) == null ? Confidence.NO : Confidence.BY_CONTENT;
    }

    @Override
    public OpenedFileset open(Location location) {
        Kind kind = kind(location.head(16));
        if (kind == null) {
            throw new FormatException(location.describe() + " is not a PNG, JPEG, BMP or GIF file");
        }
        byte[] bytes = location.readAll(MAX_BYTES);
        ImageReader reader = reader(kind, location);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, false);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            javax.imageio.ImageTypeSpecifier spec = reader.getRawImageType(0);
            int bands = spec == null ? 3 : spec.getSampleModel().getNumBands();
            int bits = spec == null ? 8 : spec.getSampleModel().getSampleSize(0);
            boolean indexed = spec != null && spec.getColorModel() instanceof IndexColorModel;
            if (kind == Kind.JPEG) {
                JpegCodec.checkSupported(bytes, location.describe());
            }
            PixelType type = bits > 8 ? PixelType.UINT16 : PixelType.UINT8;
            int channels = indexed ? 1 : bands;
            Length[] px = kind == Kind.PNG ? pngPixelSize(reader.getImageMetadata(0)) : new Length[2];
            List<ChannelMetadata> ch = new ArrayList<>();
            for (int c = 0; c < channels; c++) {
                ChannelMetadata m = ChannelMetadata.unnamed();
                if (indexed) {
                    IndexColorModel icm = (IndexColorModel) spec.getColorModel();
                    int[] rgb = new int[icm.getMapSize()];
                    for (int i = 0; i < rgb.length; i++) {
                        rgb[i] = icm.getRGB(i) & 0xFFFFFF;
                    }
                    if (rgb.length >= 2) {
                        m = m.withLookupTable(ColorTable.of(rgb));
                    }
                }
                ch.add(m);
            }
            SeriesMetadata s = SeriesMetadata.builder(type, w, h)
                    .sizes(1, channels, 1)
                    .dimensionOrder(DimensionOrder.XYCZT)
                    .rgb(channels > 1, channels > 1)
                    .indexed(indexed)
                    .significantBits(bits)
                    .channels(ch)
                    .physicalSizes(px[0], px[1], null)
                    .build();
            return new Fileset(kind, location, bytes, s);
        } catch (IOException | RuntimeException e) {
            if (e instanceof FormatException f) {
                throw f;
            }
            throw new FormatException(location.describe() + " cannot be read as " + kind + ": " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader reader(Kind kind, Location location) {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(kind.imageIoName);
        if (!it.hasNext()) {
            throw new FormatException(location.describe() + ": this JDK has no " + kind + " decoder");
        }
        return it.next();
    }

    /** pHYs in pixels per metre, when the unit is the metre. */
    private static Length[] pngPixelSize(IIOMetadata meta) {
        Length[] out = new Length[2];
        if (meta == null) {
            return out;
        }
        Node root = meta.getAsTree("javax_imageio_png_1.0");
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals("pHYs")) {
                org.w3c.dom.NamedNodeMap a = n.getAttributes();
                if ("meter".equals(a.getNamedItem("unitSpecifier").getNodeValue())) {
                    double x = Double.parseDouble(a.getNamedItem("pixelsPerUnitXAxis").getNodeValue());
                    double y = Double.parseDouble(a.getNamedItem("pixelsPerUnitYAxis").getNodeValue());
                    if (x > 0 && y > 0) {
                        out[0] = Length.of(1e6 / x, UnitsLength.MICROMETER);
                        out[1] = Length.of(1e6 / y, UnitsLength.MICROMETER);
                    }
                }
            }
        }
        return out;
    }

    /** One image; its pixels decoded on first use. */
    private static final class Fileset implements OpenedFileset {
        private final Kind kind;
        private final Location location;
        private final byte[] bytes;
        private final SeriesMetadata series;
        private volatile PixelSource pixels;

        Fileset(Kind kind, Location location, byte[] bytes, SeriesMetadata series) {
            this.kind = kind;
            this.location = location;
            this.bytes = bytes;
            this.series = series;
        }

        @Override
        public String format() {
            return kind.name();
        }

        @Override
        public List<Location> files() {
            return List.of(location);
        }

        @Override
        public List<SeriesMetadata> series() {
            return List.of(series);
        }

        @Override
        public List<MetadataEntry> originalMetadata() {
            return List.of();
        }

        @Override
        public PixelSource pixels(int index) {
            if (index != 0) {
                throw new ValidationException("series " + index + " does not exist in " + location.describe()
                        + "; it has 1");
            }
            return new LazySource(this);
        }

        synchronized PixelSource decoded() {
            if (pixels == null) {
                pixels = decode();
            }
            return pixels;
        }

        private PixelSource decode() {
            String where = location.describe();
            ImageReader reader = reader(kind, location);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((src, warning) -> warnings.add(warning));
            try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
                reader.setInput(in, true, true);
                BufferedImage img = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new FormatException(where + ": the " + kind + " data is damaged (" + warnings.get(0) + ")");
                }
                Raster r = img.getRaster();
                int w = series.sizeX();
                int h = series.sizeY();
                int channels = series.sizeC();
                boolean sixteen = series.pixelType() == PixelType.UINT16;
                InMemoryPixelSource.Builder b = InMemoryPixelSource.builder(series.pixelType(), w, h)
                        .sizeC(channels);
                int[] samples = new int[w * h];
                for (int c = 0; c < channels; c++) {
                    // JPEG and BMP decode to BGR rasters; getSample by band index still gives R, G, B in band order
                    int band = channelBand(img, c);
                    r.getSamples(0, 0, w, h, band, samples);
                    byte[] plane = new byte[w * h * (sixteen ? 2 : 1)];
                    if (sixteen) {
                        ByteBuffer bb = ByteBuffer.wrap(plane).order(ByteOrder.LITTLE_ENDIAN);
                        for (int i = 0; i < samples.length; i++) {
                            bb.putShort(2 * i, (short) samples[i]);
                        }
                    } else {
                        for (int i = 0; i < samples.length; i++) {
                            plane[i] = (byte) samples[i];
                        }
                    }
                    b.plane(0, 0, c, 0, plane);
                }
                return b.build();
            } catch (IOException | RuntimeException e) {
                if (e instanceof FormatException f) {
                    throw f;
                }
                throw new FormatException(where + " cannot be decoded as " + kind + ": " + e.getMessage(), e);
            } finally {
                reader.dispose();
            }
        }

        private static int channelBand(BufferedImage img, int c) {
            // a BufferedImage's raster bands follow its colour model's components (R, G, B[, A])
            return c;
        }

        @Override
        public void close() {
            location.close();
        }
    }

    /** Delegates to the decoded image, decoding it on the first read. */
    private static final class LazySource implements PixelSource {
        private final Fileset f;

        LazySource(Fileset f) {
            this.f = f;
        }

        @Override
        public PixelType pixelType() {
            return f.series.pixelType();
        }

        @Override
        public int sizeZ() {
            return 1;
        }

        @Override
        public int sizeC() {
            return f.series.sizeC();
        }

        @Override
        public int sizeT() {
            return 1;
        }

        @Override
        public int sizeX(int level) {
            return f.series.sizeX();
        }

        @Override
        public int sizeY(int level) {
            return f.series.sizeY();
        }

        @Override
        public void readRegion(int level, int z, int c, int t, int x, int y, int w, int h, ByteBuffer dst) {
            org.omerosdk.render.PixelSources.checkRegion(this, level, z, c, t, x, y, w, h, dst);
            f.decoded().readRegion(level, z, c, t, x, y, w, h, dst);
        }
    }
}
