package org.omerosdk.model.containers;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import org.omerosdk.model.core.Image;
import org.omerosdk.model.meta.Link;

/** Puts an Image in a Dataset. */
@Entity
@Table(name = "datasetimagelink", uniqueConstraints = @UniqueConstraint(columnNames = {"parent", "child"}),
        indexes = @Index(name = "datasetimagelink_child", columnList = "child"))
public class DatasetImageLink extends Link<Dataset, Image> {
    protected DatasetImageLink() {
    }

    public DatasetImageLink(Dataset parent, Image child) {
        super(parent, child);
    }
}
