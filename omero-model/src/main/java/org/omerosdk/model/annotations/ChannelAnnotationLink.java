package org.omerosdk.model.annotations;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.meta.Link;

/** Links an {@link Annotation} to a Channel. */
@Entity
@Table(name = "channelannotationlink", uniqueConstraints = @UniqueConstraint(columnNames = {"parent", "child"}),
        indexes = @Index(name = "channelannotationlink_child", columnList = "child"))
public class ChannelAnnotationLink extends Link<Channel, Annotation> {
    protected ChannelAnnotationLink() {
    }

    public ChannelAnnotationLink(Channel parent, Annotation child) {
        super(parent, child);
    }
}
