package org.omerosdk.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.omerosdk.model.CancelledException;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.DatasetImageLink;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.fs.Fileset;
import org.omerosdk.model.core.Pixels;

/** Images with their pixels and channels. */
public final class Images {
    private final Session session;

    Images(Session session) {
        this.session = session;
    }

    /**
     * Saves images with their pixels, logical channels and channels in one transaction, linking each to
     * {@code dataset} when given. Writes go out in JDBC batches; memory stays bounded however many images.
     * Returns the saved images in order. All or nothing.
     */
    public List<Image> saveAll(Optional<Dataset> dataset, List<NewImage> images, ProgressListener progress) {
        return session.write((q, w) -> save(q, w, dataset, images, Optional.empty(), progress));
    }

    /** Saves images (of {@code fileset} when given) inside the caller's transaction. */
    static List<Image> save(QueryPath q, WritePath w, Optional<Dataset> dataset, List<NewImage> images,
                            Optional<Fileset> fileset, ProgressListener progress) {
        Optional<Dataset> target = dataset.map(d -> Containers.load(q, d));
        List<Image> saved = new ArrayList<>(images.size());
        long done = 0;
        for (NewImage n : images) {
            fileset.ifPresent(n.image()::setFileset);
            Image image = w.create(n.image());
            Pixels px = n.pixels();
            px.setImage(image);
            w.create(px);
            int index = 0;
            for (Channel c : n.channels()) {
                if (!c.logicalChannel().isSaved()) {
                    w.create(c.logicalChannel());
                }
                c.attach(px, index++);
                w.create(c);
            }
            if (target.isPresent()) {
                w.create(new DatasetImageLink(target.get(), image));
            }
            saved.add(image);
            w.batchBoundary();
            done++;
            if (Thread.currentThread().isInterrupted()) {
                throw new CancelledException("saving images interrupted after " + done + " of "
                        + images.size() + "; nothing was saved");
            }
            // a listener throwing CancelledException rolls the whole save back
            progress.progress("save images", done, images.size());
        }
        return saved;
    }

    /** Saves one image with its pixels and channels. */
    public Image save(NewImage image) {
        return saveAll(Optional.empty(), List.of(image), ProgressListener.NONE).get(0);
    }

    /** @throws NotFoundException when the image does not exist or is not visible */
    public Image get(long id) {
        return session.read(q -> q.byId(Image.class, id)
                .orElseThrow(() -> new NotFoundException("Image:" + id + " does not exist or is not visible")));
    }

    /** One page of the images the caller may see, by id. */
    public List<Image> list(Listing listing) {
        return session.read(q -> q.list(listing.apply(Select.from(Image.class))));
    }

    /** How many images the caller may see (the listing's owner and group apply; its page does not). */
    public long count(Listing listing) {
        return session.read(q -> q.count(listing.apply(Select.from(Image.class)).page(0, Integer.MAX_VALUE)));
    }

    /**
     * The images whose name contains {@code text} (ignoring case; {@code %} and {@code _} match themselves), one
     * page, by id; only images the caller may see.
     */
    public List<Image> search(String text, Listing listing) {
        String escaped = text.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
                .replace("_", "!_");
        return session.read(q -> q.list(listing.apply(Select.from(Image.class)
                .where("lower(o.name) like :v escape '!'", "%" + escaped + "%"))));
    }

    /** The pixels of {@code image}. */
    public Pixels pixels(Image image) {
        return session.read(q -> q.first(Select.from(Pixels.class).whereEquals("o.image.id", image.id())))
                .orElseThrow(() -> new NotFoundException(image + " has no pixels"));
    }

    /** The channels of {@code image} in index order, with their logical channels. */
    public List<Channel> channels(Image image) {
        return session.read(q -> q.list(Select.from(Channel.class).join("join fetch o.logicalChannel")
                .whereEquals("o.pixels.image.id", image.id()).orderBy("o.index")));
    }
}
