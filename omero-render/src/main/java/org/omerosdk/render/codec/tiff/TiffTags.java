package org.omerosdk.render.codec.tiff;

/** The TIFF tag numbers the readers and writers use (TIFF 6.0, its technical notes, and a few private tags). */
public final class TiffTags {
    private TiffTags() {
    }

    public static final int NEW_SUBFILE_TYPE = 254;
    public static final int IMAGE_WIDTH = 256;
    public static final int IMAGE_LENGTH = 257;
    public static final int BITS_PER_SAMPLE = 258;
    public static final int COMPRESSION = 259;
    public static final int PHOTOMETRIC = 262;
    public static final int FILL_ORDER = 266;
    public static final int IMAGE_DESCRIPTION = 270;
    public static final int MAKE = 271;
    public static final int MODEL = 272;
    public static final int STRIP_OFFSETS = 273;
    public static final int ORIENTATION = 274;
    public static final int SAMPLES_PER_PIXEL = 277;
    public static final int ROWS_PER_STRIP = 278;
    public static final int STRIP_BYTE_COUNTS = 279;
    public static final int X_RESOLUTION = 282;
    public static final int Y_RESOLUTION = 283;
    public static final int PLANAR_CONFIGURATION = 284;
    public static final int RESOLUTION_UNIT = 296;
    public static final int SOFTWARE = 305;
    public static final int DATE_TIME = 306;
    public static final int ARTIST = 315;
    public static final int PREDICTOR = 317;
    public static final int COLOR_MAP = 320;
    public static final int TILE_WIDTH = 322;
    public static final int TILE_LENGTH = 323;
    public static final int TILE_OFFSETS = 324;
    public static final int TILE_BYTE_COUNTS = 325;
    public static final int SUB_IFDS = 330;
    public static final int EXTRA_SAMPLES = 338;
    public static final int SAMPLE_FORMAT = 339;
    public static final int JPEG_TABLES = 347;
    public static final int YCBCR_SUBSAMPLING = 530;
    public static final int IMAGEJ_META_DATA_BYTE_COUNTS = 50838;
    public static final int IMAGEJ_META_DATA = 50839;

    public static final int COMPRESSION_NONE = 1;
    public static final int COMPRESSION_CCITT_RLE = 2;
    public static final int COMPRESSION_CCITT_T4 = 3;
    public static final int COMPRESSION_CCITT_T6 = 4;
    public static final int COMPRESSION_LZW = 5;
    public static final int COMPRESSION_OJPEG = 6;
    public static final int COMPRESSION_JPEG = 7;
    public static final int COMPRESSION_ADOBE_DEFLATE = 8;
    public static final int COMPRESSION_PACKBITS = 32773;
    public static final int COMPRESSION_DEFLATE = 32946;
    public static final int COMPRESSION_JPEG2000 = 33003;
    public static final int COMPRESSION_ZSTD = 50000;
    public static final int COMPRESSION_WEBP = 50001;

    public static final int PHOTOMETRIC_WHITE_IS_ZERO = 0;
    public static final int PHOTOMETRIC_BLACK_IS_ZERO = 1;
    public static final int PHOTOMETRIC_RGB = 2;
    public static final int PHOTOMETRIC_PALETTE = 3;
    public static final int PHOTOMETRIC_SEPARATED = 5;
    public static final int PHOTOMETRIC_YCBCR = 6;

    /** A name for a compression scheme, for messages. */
    public static String compressionName(int c) {
        switch (c) {
            case COMPRESSION_NONE: return "none";
            case COMPRESSION_CCITT_RLE: return "CCITT RLE";
            case COMPRESSION_CCITT_T4: return "CCITT T.4";
            case COMPRESSION_CCITT_T6: return "CCITT T.6";
            case COMPRESSION_LZW: return "LZW";
            case COMPRESSION_OJPEG: return "old-style JPEG";
            case COMPRESSION_JPEG: return "JPEG";
            case COMPRESSION_ADOBE_DEFLATE: case COMPRESSION_DEFLATE: return "Deflate";
            case COMPRESSION_PACKBITS: return "PackBits";
            case COMPRESSION_JPEG2000: return "JPEG 2000";
            case COMPRESSION_ZSTD: return "Zstandard";
            case COMPRESSION_WEBP: return "WebP";
            default: return "compression " + c;
        }
    }
}
