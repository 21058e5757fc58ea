package org.omerosdk.render;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.omerosdk.model.PixelType;

class InMemoryPixelSourceContractTest extends PixelSourceContract {
    static byte[] gradient(int w, int h, int seed) {
        ByteBuffer b = ByteBuffer.allocate(w * h * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.putShort((short) (x * 7 + y * 131 + seed * 1009));
            }
        }
        return b.array();
    }

    @Override
    protected PixelSource createSource() {
        InMemoryPixelSource.Builder b = InMemoryPixelSource.builder(PixelType.UINT16, 37, 23).sizeZ(2).sizeC(3)
                .addLevel(18, 11);
        for (int z = 0; z < 2; z++) {
            for (int c = 0; c < 3; c++) {
                b.plane(0, z, c, 0, gradient(37, 23, z * 3 + c));
                b.plane(1, z, c, 0, gradient(18, 11, 100 + z * 3 + c));
            }
        }
        return b.build();
    }

    @Override
    protected byte[] expectedPlane(int level, int z, int c, int t) {
        return level == 0 ? gradient(37, 23, z * 3 + c) : gradient(18, 11, 100 + z * 3 + c);
    }
}
