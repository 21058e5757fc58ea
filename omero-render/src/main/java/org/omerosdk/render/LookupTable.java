package org.omerosdk.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.ValidationException;

/**
 * A 256-entry colour lookup table: quantized intensity 0..255 to RGB. When a channel has one it replaces the
 * channel's colour (OMERO's {@code lookupTable}). Immutable.
 *
 * <p>{@link #read} takes ImageJ/NIH {@code .lut} files: NIH Image binary ({@code ICOL} header), raw 768 bytes
 * (256 red, 256 green, 256 blue), and text tables of 3 or 4 columns and 256 rows (one header row allowed).
 * {@link #standard} gives the tables that ship with the library, computed here from formulas.
 */
public final class LookupTable {
    private final String name;
    private final byte[] red;
    private final byte[] green;
    private final byte[] blue;

    private LookupTable(String name, byte[] red, byte[] green, byte[] blue) {
        this.name = name;
        this.red = red;
        this.green = green;
        this.blue = blue;
    }

    /** A table from 256 red, green and blue values (0..255 each). */
    public static LookupTable of(String name, int[] red, int[] green, int[] blue) {
        if (red.length != 256 || green.length != 256 || blue.length != 256) {
            throw new ValidationException("lookup table \"" + name + "\" needs 256 entries per component");
        }
        return new LookupTable(name, bytes(red), bytes(green), bytes(blue));
    }

    private static byte[] bytes(int[] v) {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            if (v[i] < 0 || v[i] > 255) {
                throw new ValidationException("lookup table value " + v[i] + " at " + i + " is outside 0..255");
            }
            b[i] = (byte) v[i];
        }
        return b;
    }

    public String name() {
        return name;
    }

    /** The colour at quantized intensity {@code q}, packed {@code 0xRRGGBB}. */
    public int rgb(int q) {
        return (red[q] & 0xFF) << 16 | (green[q] & 0xFF) << 8 | (blue[q] & 0xFF);
    }

    /**
     * Reads a {@code .lut} file.
     *
     * @throws FormatException naming the file and what is wrong with it
     */
    public static LookupTable read(String name, InputStream in) {
        byte[] data;
        try {
            data = in.readAllBytes();
        } catch (IOException e) {
            throw new FormatException("cannot read lookup table " + name + ": " + e.getMessage(), e);
        }
        if (data.length > 768 && data.length >= 32 && data[0] == 'I' && data[1] == 'C' && data[2] == 'O'
                && data[3] == 'L') {
            int colors = ((data[8] & 0xFF) << 8) | (data[9] & 0xFF);
            if (colors < 2 || colors > 256 || 32 + 3 * colors > data.length) {
                throw new FormatException("lookup table " + name + " has an NIH header for " + colors
                        + " colours but " + data.length + " bytes");
            }
            return interpolated(name, data, 32, colors);
        }
        if (data.length == 768 || data.length == 970) {
            int offset = data.length == 970 ? 32 : 0;
            return interpolated(name, data, offset, 256);
        }
        return text(name, new String(data, StandardCharsets.ISO_8859_1));
    }

    /** Binary tables with fewer than 256 colours are stretched to 256 by linear interpolation, as ImageJ does. */
    private static LookupTable interpolated(String name, byte[] data, int offset, int colors) {
        int[][] c = new int[3][256];
        for (int ch = 0; ch < 3; ch++) {
            for (int i = 0; i < 256; i++) {
                double pos = colors == 256 ? i : i * (colors - 1) / 255.0;
                int lo = (int) Math.floor(pos);
                int hi = Math.min(colors - 1, lo + 1);
                double f = pos - lo;
                int a = data[offset + ch * colors + lo] & 0xFF;
                int b = data[offset + ch * colors + hi] & 0xFF;
                c[ch][i] = (int) Math.round(a + (b - a) * f);
            }
        }
        return of(name, c[0], c[1], c[2]);
    }

    private static LookupTable text(String name, String text) {
        List<int[]> rows = new ArrayList<>();
        for (String line : text.split("\\r?\\n")) {
            String t = line.trim();
            if (t.isEmpty()) {
                continue;
            }
            String[] cols = t.split("[\\s,;]+");
            try {
                int[] v = Arrays.stream(cols).mapToInt(Integer::parseInt).toArray();
                rows.add(v);
            } catch (NumberFormatException e) {
                if (!rows.isEmpty()) {
                    throw new FormatException("lookup table " + name + " has a non-numeric line \"" + t + "\"");
                }
                // one header line is allowed
            }
        }
        if (rows.size() < 256 || rows.size() > 258) {
            throw new FormatException("lookup table " + name + " is not a .lut file: " + rows.size()
                    + " numeric rows (text tables need 256)");
        }
        int[][] c = new int[3][256];
        for (int i = 0; i < 256; i++) {
            int[] row = rows.get(i);
            int skip = row.length == 4 ? 1 : 0;
            if (row.length - skip != 3) {
                throw new FormatException("lookup table " + name + " row " + i + " has " + row.length
                        + " columns; 3 (r g b) or 4 (index r g b) are accepted");
            }
            for (int ch = 0; ch < 3; ch++) {
                c[ch][i] = row[skip + ch];
            }
        }
        try {
            return of(name, c[0], c[1], c[2]);
        } catch (ValidationException e) {
            throw new FormatException("lookup table " + name + ": " + e.getMessage());
        }
    }

    private static final Map<String, LookupTable> STANDARD = new TreeMap<>();

    static {
        add("grays.lut", i -> i, i -> i, i -> i);
        add("red.lut", i -> i, i -> 0, i -> 0);
        add("green.lut", i -> 0, i -> i, i -> 0);
        add("blue.lut", i -> 0, i -> 0, i -> i);
        add("cyan.lut", i -> 0, i -> i, i -> i);
        add("magenta.lut", i -> i, i -> 0, i -> i);
        add("yellow.lut", i -> i, i -> i, i -> 0);
        add("inverted_grays.lut", i -> 255 - i, i -> 255 - i, i -> 255 - i);
        // black -> red -> yellow -> white, in thirds
        add("fire.lut", i -> clamp(i * 3), i -> clamp(i * 3 - 255), i -> clamp(i * 3 - 510));
        // black -> blue -> cyan -> white
        add("ice.lut", i -> clamp(i * 3 - 510), i -> clamp(i * 3 - 255), i -> clamp(i * 3));
        // a perceptually ordered blue-green-yellow ramp, close to viridis, from smooth polynomials
        add("viridis_like.lut", i -> poly(i, 0.267, -0.004, 1.16, -0.45),
                i -> poly(i, 0.005, 1.40, -0.69, 0.19), i -> poly(i, 0.33, 0.82, -1.93, 0.93));
        add("hilo.lut", i -> i == 255 ? 255 : i == 0 ? 0 : i, i -> i == 255 ? 0 : i, i -> i == 0 ? 255 : i == 255 ? 0 : i);
        add("spectrum.lut", i -> hue(i, 5), i -> hue(i, 3), i -> hue(i, 1));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static int poly(int i, double a, double b, double c, double d) {
        double t = i / 255.0;
        return clamp((int) Math.round(255 * (a + b * t + c * t * t + d * t * t * t)));
    }

    /** One component (n = 5 red, 3 green, 1 blue) of the saturated hue at {@code i} (0..255 around the wheel). */
    private static int hue(int i, int n) {
        double k = (n + i / 256.0 * 6) % 6;
        return clamp((int) Math.round(255 * (1 - Math.max(0, Math.min(Math.min(k, 4 - k), 1)))));
    }

    private static void add(String name, IntUnaryOperator r, IntUnaryOperator g, IntUnaryOperator b) {
        int[][] c = new int[3][256];
        for (int i = 0; i < 256; i++) {
            c[0][i] = r.applyAsInt(i);
            c[1][i] = g.applyAsInt(i);
            c[2][i] = b.applyAsInt(i);
        }
        STANDARD.put(name, of(name, c[0], c[1], c[2]));
    }

    /** The names of the tables that ship with the library. */
    public static List<String> standardNames() {
        return List.copyOf(STANDARD.keySet());
    }

    /**
     * A table that ships with the library, by file name (e.g. {@code "fire.lut"}).
     *
     * @throws ValidationException naming the name and the available ones
     */
    public static LookupTable standard(String name) {
        LookupTable t = STANDARD.get(name);
        if (t == null) {
            throw new ValidationException("lookup table \"" + name + "\" is not one of " + STANDARD.keySet());
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LookupTable t && Arrays.equals(t.red, red) && Arrays.equals(t.green, green)
                && Arrays.equals(t.blue, blue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(red), Arrays.hashCode(green), Arrays.hashCode(blue));
    }

    @Override
    public String toString() {
        return "LookupTable[" + name + "]";
    }
}
