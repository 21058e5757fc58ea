package org.omerosdk.model.screen;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.omerosdk.model.meta.NamedObject;

/** A screen (OMERO's Screen): the top of the Screen/Plate/Well hierarchy. */
@Entity
@Table(name = "screen")
public class Screen extends NamedObject {
    protected Screen() {
    }

    public Screen(String name) {
        super(name);
    }
}
