package org.omerosdk.bench.render;

/**
 * OMERO's rendering of linear-family channels written the way OMERO's renderer executes it: for every pixel and
 * channel, the decile and normalised maps in double arithmetic, Java rounding, then the colour arithmetic and the
 * clamped add. No tables, no packing: the per-pixel baseline the SDK's table-driven kernels are measured against.
 */
final class OmeroReference {
    private OmeroReference() {
    }

    static int[] render(short[][] planes, double[][] windows, int[][] colors, int[] out) {
        int n = out.length;
        for (int i = 0; i < n; i++) {
            int r = 0;
            int g = 0;
            int b = 0;
            for (int c = 0; c < planes.length; c++) {
                double x = planes[c][i] & 0xFFFF;
                double ws = windows[c][0];
                double we = windows[c][1];
                double q1 = 0;
                double q9 = 65535;
                double aD = 255 / (we - ws);
                double bD = aD * ws;
                double v;
                if (x < ws) {
                    v = 0;
                } else if (x >= we) {
                    v = 255;
                } else {
                    v = x > q1 ? (x <= q9 ? aD * x - bD : 255) : 0;
                    double aN = 255 / (Math.pow(255, 1) - Math.pow(0, 1));
                    v = Math.round(aN * (v - 0));
                    v = Math.round(1.0 * v + 0);
                }
                int q = ((byte) v) & 0xFF;
                r = Math.min(255, r + (int) ((colors[c][0] / 255.0) * q));
                g = Math.min(255, g + (int) ((colors[c][1] / 255.0) * q));
                b = Math.min(255, b + (int) ((colors[c][2] / 255.0) * q));
            }
            out[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return out;
    }
}
