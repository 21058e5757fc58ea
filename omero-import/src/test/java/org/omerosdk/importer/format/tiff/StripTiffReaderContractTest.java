package org.omerosdk.importer.format.tiff;

import java.nio.file.Path;
import org.omerosdk.importer.format.FormatReaders;
import org.omerosdk.importer.format.OpenedFileset;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.PixelSourceContract;

/**
 * The TIFF reader keeps the {@link PixelSource} contract on a striped, uncompressed, big-endian ImageJ hyperstack
 * (sample #14: 169 x 169 uint16, 2 channels, 3 z, 2 t) from ../shared/testdata.
 */
class StripTiffReaderContractTest extends PixelSourceContract {
    @Override
    protected PixelSource createSource() {
        Path f = Path.of(System.getProperty("omerosdk.repo.root", ".")).resolve("../shared/testdata/BMCV__galaxy-"
                + "image-analysis/tools/projective_transformation/test-data/multi_m.tiff").normalize();
        OpenedFileset open = FormatReaders.discover().open(f);
        return open.pixels(0);
    }
}
