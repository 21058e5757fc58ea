package org.omerosdk.model.meta;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** Membership of a user (child) in a group (parent), with OMERO's group-owner flag. */
@Entity
@Table(name = "groupexperimentermap", uniqueConstraints = @UniqueConstraint(columnNames = {"parent", "child"}))
public class GroupExperimenterMap extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "parent")
    private ExperimenterGroup parent;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "child")
    private Experimenter child;
    @Column(nullable = false)
    private boolean owner;

    protected GroupExperimenterMap() {
    }

    public GroupExperimenterMap(ExperimenterGroup parent, Experimenter child, boolean owner) {
        this.parent = parent;
        this.child = child;
        this.owner = owner;
    }

    public ExperimenterGroup parent() {
        requireLoaded();
        return parent;
    }

    public Experimenter child() {
        requireLoaded();
        return child;
    }

    public boolean isOwner() {
        requireLoaded();
        return owner;
    }

    public void setOwner(boolean owner) {
        this.owner = owner;
    }
}
