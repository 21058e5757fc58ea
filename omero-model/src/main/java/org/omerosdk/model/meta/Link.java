package org.omerosdk.model.meta;

import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.util.Objects;

/**
 * A link between two objects (OMERO's ILink), e.g. a Project containing a Dataset. Links are objects with their
 * own details: whoever links owns the link.
 *
 * @param <P> the parent type
 * @param <C> the child type
 */
@MappedSuperclass
public abstract class Link<P extends IObject, C extends IObject> extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "parent")
    private P parent;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "child")
    private C child;

    protected Link() {
    }

    protected Link(P parent, C child) {
        this.parent = Objects.requireNonNull(parent, "parent");
        this.child = Objects.requireNonNull(child, "child");
    }

    public P parent() {
        requireLoaded();
        return parent;
    }

    public C child() {
        requireLoaded();
        return child;
    }
}
