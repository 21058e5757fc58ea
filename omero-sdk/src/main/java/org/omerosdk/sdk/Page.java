package org.omerosdk.sdk;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.meta.IObject;

/**
 * One page of a {@link Listing}: an unmodifiable list of at most {@link #limit()} objects, which says whether more
 * follow ({@link #hasMore()}) and gives the listing of the next page ({@link #next()}).
 *
 * @param <T> the listed type
 */
public final class Page<T> extends AbstractList<T> implements RandomAccess {
    private final List<T> items;
    private final Listing listing;
    private final int limit;
    private final boolean more;
    /** The id of the last object read (where the next page starts in id order), or -1 on an empty page. */
    private final long lastId;

    private Page(List<T> items, Listing listing, int limit, boolean more, long lastId) {
        this.items = items;
        this.listing = listing;
        this.limit = limit;
        this.more = more;
        this.lastId = lastId;
    }

    /** A page of {@code rows} read with one row beyond {@code limit} when more follow. */
    static <T extends IObject> Page<T> of(List<T> rows, Listing listing, int limit) {
        boolean more = rows.size() > limit;
        List<T> items = List.copyOf(more ? rows.subList(0, limit) : rows);
        return new Page<>(items, listing, limit, more, items.isEmpty() ? -1 : items.get(items.size() - 1).id());
    }

    /** The same page with each object replaced by {@code f}'s value for it (its paging unchanged). */
    <R> Page<R> map(java.util.function.Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), listing, limit, more, lastId);
    }

    @Override
    public T get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    /** The most objects a page of this listing holds ({@code omero.web.page_size} at most). */
    public int limit() {
        return limit;
    }

    /** Whether objects follow this page. */
    public boolean hasMore() {
        return more;
    }

    /**
     * The listing of the next page.
     *
     * @throws ValidationException on the last page (see {@link #hasMore()})
     */
    public Listing next() {
        if (!more) {
            throw new ValidationException("this is the last page of the listing: there is no next page");
        }
        return listing.after(items.size(), lastId);
    }
}
