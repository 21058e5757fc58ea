package org.omerosdk.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.omerosdk.importer.NewImage;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.annotations.CommentAnnotation;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.display.Thumbnail;
import org.omerosdk.model.fs.Fileset;
import org.omerosdk.model.fs.FilesetEntry;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.roi.Rectangle;

/** Small builders for graph tests: images with their sub-graphs, filesets with files in the store, row counts. */
final class GraphFixture {
    private GraphFixture() {
    }

    static NewImage newImage(String name, int channels) {
        List<Channel> cs = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            cs.add(new Channel(new LogicalChannel("c" + c)));
        }
        return new NewImage(new Image(name), new Pixels(PixelType.UINT8, DimensionOrder.XYZCT, 2, 2, 1, channels, 1),
                cs);
    }

    static Image image(Session s, String name) {
        return s.images().save(newImage(name, 1));
    }

    static Image imageIn(Session s, Dataset d, String name) {
        return s.images().saveAll(Optional.of(d), List.of(newImage(name, 1)), ProgressListener.NONE).get(0);
    }

    /** An image with 2 channels, its owner's rendering settings, a thumbnail file, a ROI of 2 shapes, a comment. */
    static Image fullImage(Session s, String name) {
        Image i = s.images().save(newImage(name, 2));
        s.renderings().save(i, org.omerosdk.render.RenderingSettings.of(List.of(
                org.omerosdk.render.ChannelSettings.of(PixelType.UINT8, org.omerosdk.model.core.Rgba.of(255, 0, 0)),
                org.omerosdk.render.ChannelSettings.of(PixelType.UINT8, org.omerosdk.model.core.Rgba.of(0, 255, 0)))));
        s.rois().draw(i, "roi", List.of(new Rectangle(0, 0, 1, 1), new Rectangle(1, 1, 1, 1)));
        CommentAnnotation c = s.annotations().createComment("nice");
        s.annotations().attach(i, c);
        String key = "Thumbnails/" + name + ".jpg";
        s.sdk().repository().store().put(key, new byte[] {1, 2, 3});
        s.write((q, w) -> {
            Thumbnail t = new Thumbnail(Images.pixelsOf(q, i).orElseThrow(), 96, 96, "image/jpeg", 0);
            t.setRef(key);
            return w.create(t);
        });
        return i;
    }

    /** A fileset of {@code n} images imported from one file (stored at {@code dir/name}), in {@code dataset}. */
    static List<Image> fileset(Session s, Optional<Dataset> dataset, String name, int n) {
        String dir = "repo/" + name + "/";
        s.sdk().repository().store().put(dir + name + ".lif", new byte[] {9, 9});
        List<NewImage> images = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            images.add(newImage(name + " #" + i, 1));
        }
        return s.write((q, w) -> {
            Fileset f = w.create(new Fileset(dir));
            OriginalFile of = w.create(new OriginalFile(dir, name + ".lif"));
            w.create(new FilesetEntry(f, of, "/client/" + name + ".lif"));
            return Images.save(q, w, dataset, images, Optional.of(f), ProgressListener.NONE);
        });
    }

    /** How many rows of {@code type} exist, whoever may see them. */
    static long count(OmeroSdk sdk, Class<?> type) {
        return sdk.store().read(Bootstrap.SYSTEM_CONTEXT, q -> q.count(Select.from(type).page(0, Integer.MAX_VALUE)));
    }

    static boolean exists(OmeroSdk sdk, IObject o) {
        return sdk.store().read(Bootstrap.SYSTEM_CONTEXT, q -> q.byId(o.getClass(), o.id()).isPresent());
    }
}
