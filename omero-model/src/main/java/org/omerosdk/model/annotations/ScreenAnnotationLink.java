package org.omerosdk.model.annotations;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.omerosdk.model.screen.Screen;
import org.omerosdk.model.meta.Link;

/** Links an {@link Annotation} to a Screen. */
@Entity
@Table(name = "screenannotationlink", uniqueConstraints = @UniqueConstraint(columnNames = {"parent", "child"}),
        indexes = @Index(name = "screenannotationlink_child", columnList = "child"))
public class ScreenAnnotationLink extends Link<Screen, Annotation> {
    protected ScreenAnnotationLink() {
    }

    public ScreenAnnotationLink(Screen parent, Annotation child) {
        super(parent, child);
    }
}
