package org.omerosdk.model.screen;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import org.omerosdk.model.meta.Link;

/** Puts a Plate in a Screen. */
@Entity
@Table(name = "screenplatelink", uniqueConstraints = @UniqueConstraint(columnNames = {"parent", "child"}),
        indexes = @Index(name = "screenplatelink_child", columnList = "child"))
public class ScreenPlateLink extends Link<Screen, Plate> {
    protected ScreenPlateLink() {
    }

    public ScreenPlateLink(Screen parent, Plate child) {
        super(parent, child);
    }
}
