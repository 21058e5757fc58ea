package org.omerosdk.sdk;

import java.util.List;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.annotations.CommentAnnotation;
import org.omerosdk.model.annotations.ImageAnnotationLink;
import org.omerosdk.model.annotations.TagAnnotation;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.DatasetImageLink;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.display.ChannelBinding;
import org.omerosdk.model.display.QuantumDef;
import org.omerosdk.model.display.RenderingDef;
import org.omerosdk.model.display.RenderingModel;
import org.omerosdk.model.display.Thumbnail;
import org.omerosdk.model.fs.Fileset;
import org.omerosdk.model.fs.FilesetEntry;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.model.roi.Point;
import org.omerosdk.model.roi.Rectangle;
import org.omerosdk.model.roi.Roi;

/**
 * Bulk fixture for {@code benchmarks/run graph}, published in omero-sdk's test-jar (so that the benchmarks declare
 * nothing in this package; no consumer's class path has it): images with their whole graph, saved through the
 * write path in transactions of 1,000.
 */
public final class GraphBenchData {
    private GraphBenchData() {
    }

    /**
     * Saves {@code n} images into a new dataset of the session's group, each with pixels, 3 channels, 2 tags shared
     * by all, 1 comment, 1 ROI of 3 shapes, rendering settings, a thumbnail and its own fileset of 1 file.
     */
    public static Dataset populate(Session s, String name, int n) {
        Dataset d = s.containers().createDataset(name);
        List<TagAnnotation> tags = List.of(s.annotations().createTag(name + " A"), s.annotations().createTag(name
                + " B"));
        for (int done = 0; done < n; done += 1000) {
            int from = done;
            int to = Math.min(n, done + 1000);
            s.write((q, w) -> {
                for (int i = from; i < to; i++) {
                    // managed references again after each batch boundary cleared the persistence context
                    Dataset dd = w.hibernate().getReference(Dataset.class, d.id());
                    List<TagAnnotation> tt = tags.stream().map(t -> w.hibernate().getReference(TagAnnotation.class,
                            t.id())).toList();
                    Fileset f = w.create(new Fileset("bench/" + name + "/" + i + "/"));
                    OriginalFile of = w.create(new OriginalFile("bench/" + name + "/" + i + "/", "image.tif"));
                    w.create(new FilesetEntry(f, of, "/client/image" + i + ".tif"));
                    Image img = new Image("image " + i);
                    img.setFileset(f);
                    w.create(img);
                    Pixels px = new Pixels(PixelType.UINT8, DimensionOrder.XYZCT, 512, 512, 1, 3, 1);
                    px.setImage(img);
                    w.create(px);
                    for (int c = 0; c < 3; c++) {
                        LogicalChannel lc = w.create(new LogicalChannel("c" + c));
                        Channel ch = new Channel(lc);
                        ch.attach(px, c);
                        w.create(ch);
                    }
                    w.create(new DatasetImageLink(dd, img));
                    for (TagAnnotation t : tt) {
                        w.create(new ImageAnnotationLink(img, t));
                    }
                    CommentAnnotation comment = w.create(new CommentAnnotation("comment " + i));
                    w.create(new ImageAnnotationLink(img, comment));
                    Roi roi = w.create(new Roi(img));
                    for (var shape : List.of(new Rectangle(0, 0, 5, 5), new Point(1, 1), new Point(2, 2))) {
                        shape.attach(roi);
                        w.create(shape);
                    }
                    QuantumDef qd = w.create(new QuantumDef(0, 255, 8));
                    RenderingDef rd = w.create(new RenderingDef(px, 0, 0, RenderingModel.RGB, qd));
                    for (int c = 0; c < 3; c++) {
                        w.create(new ChannelBinding(rd, c, 0, 255));
                    }
                    w.create(new Thumbnail(px, 96, 96, "image/jpeg", 0));
                    w.batchBoundary();
                }
                return null;
            });
        }
        return d;
    }
}
