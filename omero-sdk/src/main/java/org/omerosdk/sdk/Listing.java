package org.omerosdk.sdk;

import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.annotations.TagAnnotation;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.meta.NamedObject;

/**
 * Which objects a listing returns, and which page of them: the one way every listing method of the SDK pages
 * ({@code containers().projects(listing)}, {@code containers().images(dataset, listing)}, {@code images().list},
 * ...). Optionally one owner's, optionally one group's, in id order or by name, one page of them: at most
 * {@code omero.web.page_size} objects (200 by default, OMERO.web's page), which is also the size of a page when no
 * limit is given. The answer is a {@link Page}, which says whether more follow and gives the listing of the next
 * page; {@link #stream} reads every page. Immutable; start from {@link #all()}.
 */
public final class Listing {
    /** The order of a listing. */
    public enum Order {
        /** By id: the order objects were saved in. Pages are then read after the last id seen, so objects saved or
         * deleted between pages shift nothing. */
        ID,
        /** By name ignoring case, then id (OMERO.web's tree order); for named objects and tags. */
        NAME
    }

    private final OptionalLong ownerId;
    /** Everyone's but this owner's ("others' data"). */
    private final OptionalLong otherThanId;
    private final OptionalLong groupId;
    private final int offset;
    private final OptionalInt limit;
    private final Order order;
    /** With {@link Order#ID}: the listing continues after this id (set by {@link Page#next()}). */
    private final OptionalLong afterId;

    private Listing(OptionalLong ownerId, OptionalLong otherThanId, OptionalLong groupId, int offset, OptionalInt limit, Order order,
                    OptionalLong afterId) {
        this.ownerId = ownerId;
        this.otherThanId = otherThanId;
        this.groupId = groupId;
        this.offset = offset;
        this.limit = limit;
        this.order = order;
        this.afterId = afterId;
    }

    /** Everything visible, by id: the first page (of {@code omero.web.page_size} objects). */
    public static Listing all() {
        return new Listing(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), 0, OptionalInt.empty(),
                Order.ID,
                OptionalLong.empty());
    }

    /** Only {@code owner}'s objects. */
    public Listing ownedBy(Experimenter owner) {
        return new Listing(OptionalLong.of(owner.id()), OptionalLong.empty(), groupId, offset, limit, order, afterId);
    }

    /**
     * Everyone's objects but {@code owner}'s: OMERO.web's "others' data" (with {@link #ownedBy} for "my data" and
     * neither for "all"). Replaces an {@link #ownedBy} filter, and is replaced by one.
     */
    public Listing notOwnedBy(Experimenter owner) {
        return new Listing(OptionalLong.empty(), OptionalLong.of(owner.id()), groupId, offset, limit, order,
                afterId);
    }

    /** Only the objects of {@code group} (those the caller may see there). */
    public Listing inGroup(ExperimenterGroup group) {
        return new Listing(ownerId, otherThanId, OptionalLong.of(group.id()), offset, limit, order, afterId);
    }

    /** In {@code order} (from the first page). */
    public Listing orderBy(Order order) {
        return new Listing(ownerId, otherThanId, groupId, 0, limit, java.util.Objects.requireNonNull(order, "order"),
                OptionalLong.empty());
    }

    /**
     * The page of at most {@code limit} objects that skips the first {@code offset}. A limit above
     * {@code omero.web.page_size} gives pages of that size (the page says so: {@link Page#limit()}).
     *
     * @throws ValidationException for a negative offset or a limit below 1
     */
    public Listing page(int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new ValidationException("page offset " + offset + ", limit " + limit
                    + " is impossible: offset >= 0 and limit >= 1");
        }
        return new Listing(ownerId, otherThanId, groupId, offset, OptionalInt.of(limit), order, OptionalLong.empty());
    }

    public int offset() {
        return offset;
    }

    public Order order() {
        return order;
    }

    /**
     * Every object of the listing, from this page on, read a page at a time (each page in its own transaction,
     * so a long scan holds no connection between pages): {@code Listing.all().stream(s.images()::list)}.
     */
    public <T> Stream<T> stream(Function<Listing, Page<T>> method) {
        java.util.Iterator<T> it = new java.util.Iterator<>() {
            private Page<T> page = method.apply(Listing.this);
            private int i;

            @Override
            public boolean hasNext() {
                while (i >= page.size() && page.hasMore()) {
                    page = method.apply(page.next());
                    i = 0;
                }
                return i < page.size();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return page.get(i++);
            }
        };
        return StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(it,
                java.util.Spliterator.ORDERED | java.util.Spliterator.NONNULL), false);
    }

    /** The listing of the page after {@code page} (which ended with the object of id {@code lastId}). */
    Listing after(int shown, long lastId) {
        return order == Order.ID
                ? new Listing(ownerId, otherThanId, groupId, 0, limit, order, OptionalLong.of(lastId))
                : new Listing(ownerId, otherThanId, groupId, offset + shown, limit, order, afterId);
    }

    /** The size of a page in {@code session}'s SDK: the limit asked for, at most {@code omero.web.page_size}. */
    int limit(Session session) {
        int cap = Math.max(1, session.sdk().config().getInt(ConfigKeys.WEB_PAGE_SIZE));
        return Math.min(limit.orElse(cap), cap);
    }

    /** The listing's filters on {@code s} (the owner and group, not the page). */
    <T> Select<T> filter(Select<T> s) {
        ownerId.ifPresent(o -> s.whereEquals("o.details.ownerId", o));
        otherThanId.ifPresent(o -> s.where("o.details.ownerId <> :v", o));
        groupId.ifPresent(g -> s.whereEquals("o.details.groupId", g));
        return s;
    }

    /** One page of {@code s} (filtered, ordered, paged by this listing), read in {@code session}'s context. */
    <T extends org.omerosdk.model.meta.IObject> Page<T> read(Session session, Select<T> s) {
        int size = limit(session);
        filter(s);
        if (order == Order.NAME) {
            if (NamedObject.class.isAssignableFrom(s.type)) {
                s.orderBy("lower(o.name), o.id");
            } else if (TagAnnotation.class.isAssignableFrom(s.type)) {
                s.orderBy("lower(o.textValue), o.id");
            } else {
                throw new ValidationException("a listing of " + s.type.getSimpleName() + " cannot be ordered by "
                        + "name: " + s.type.getSimpleName() + " has none; use Listing.Order.ID");
            }
        } else {
            s.orderBy("o.id");
            afterId.ifPresent(id -> s.where("o.id > :v", id));
        }
        // one more than the page, to know whether another follows
        s.page(afterId.isPresent() && order == Order.ID ? 0 : offset, size + 1);
        java.util.List<T> rows = session.read(q -> q.list(s));
        return Page.of(rows, this, size);
    }
}
