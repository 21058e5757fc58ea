package org.omerosdk.examples.demo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.omerosdk.model.PixelType;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.PixelSources;

/**
 * A deterministic uint16 "fluorescence" image computed on demand: channel 0 nuclei, channel 1 cell outlines,
 * channel 2 small spots, on a dim noisy background. Nothing is held in memory, so planes of any size (the demo's
 * large pyramid plane) cost only the time to compute the tiles that are read.
 */
final class SyntheticCells implements PixelSource {
    private static final int CELL = 64;
    private final int sizeX;
    private final int sizeY;
    private final int sizeC;

    SyntheticCells(int sizeX, int sizeY, int sizeC) {
        this.sizeX = sizeX;
        this.sizeY = sizeY;
        this.sizeC = sizeC;
    }

    @Override
    public PixelType pixelType() {
        return PixelType.UINT16;
    }

    @Override
    public int sizeZ() {
        return 1;
    }

    @Override
    public int sizeC() {
        return sizeC;
    }

    @Override
    public int sizeT() {
        return 1;
    }

    @Override
    public int sizeX(int level) {
        return sizeX;
    }

    @Override
    public int sizeY(int level) {
        return sizeY;
    }

    @Override
    public void readRegion(int level, int z, int c, int t, int x, int y, int w, int h, ByteBuffer dst) {
        PixelSources.checkRegion(this, level, z, c, t, x, y, w, h);
        ByteBuffer out = dst.duplicate().order(dst.order());
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                out.putShort((short) value(c, x + col, y + row));
            }
        }
        dst.position(out.position());
    }

    /** The pixel value at (px, py) of channel c. */
    static int value(int c, int px, int py) {
        int gx = px / CELL;
        int gy = py / CELL;
        double best = Double.MAX_VALUE;
        double second = Double.MAX_VALUE;
        // the nearest cell centres among the 3x3 neighbouring grid cells
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int h = hash(gx + dx, gy + dy);
                double cx = (gx + dx) * CELL + 12 + (h & 0x27);
                double cy = (gy + dy) * CELL + 12 + ((h >>> 8) & 0x27);
                double d2 = (px - cx) * (px - cx) + (py - cy) * (py - cy);
                if (d2 < best) {
                    second = best;
                    best = d2;
                } else if (d2 < second) {
                    second = d2;
                }
            }
        }
        int noise = hash(px * 31 + c, py * 17 - c) & 0x7f;
        double v;
        switch (c % 3) {
            case 0: // nuclei: bright discs fading at the rim
                v = 9000 * Math.exp(-best / 180.0);
                break;
            case 1: // outlines: where two cells are almost equally near
                double edge = Math.sqrt(second) - Math.sqrt(best);
                v = 6000 * Math.exp(-edge * edge / 6.0);
                break;
            default: // spots: a few small bright points per cell
                int s = hash(px / 7, py / 7 + 1000);
                v = (s & 0xff) < 6 ? 12000 * Math.exp(-(((px % 7) - 3) * ((px % 7) - 3) + ((py % 7) - 3) * ((py % 7) - 3)) / 2.0) : 0;
                break;
        }
        return (int) Math.min(65535, 300 + noise + v);
    }

    private static int hash(int a, int b) {
        int h = a * 0x9E3779B1 ^ b * 0x85EBCA77;
        h ^= h >>> 15;
        h *= 0x2C1B3C6D;
        h ^= h >>> 12;
        return h;
    }

    /** Little-endian bytes of one plane, for sources that need the pixels in memory. */
    byte[] planeBytes(int c) {
        ByteBuffer b = ByteBuffer.allocate(sizeX * sizeY * 2).order(ByteOrder.LITTLE_ENDIAN);
        readRegion(0, 0, c, 0, 0, 0, sizeX, sizeY, b);
        return b.array();
    }
}
