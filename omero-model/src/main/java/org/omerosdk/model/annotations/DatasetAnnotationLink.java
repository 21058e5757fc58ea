package org.omerosdk.model.annotations;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.meta.Link;

/** Links an {@link Annotation} to a Dataset. */
@Entity
@Table(name = "datasetannotationlink", uniqueConstraints = @UniqueConstraint(columnNames = {"parent", "child"}),
        indexes = @Index(name = "datasetannotationlink_child", columnList = "child"))
public class DatasetAnnotationLink extends Link<Dataset, Annotation> {
    protected DatasetAnnotationLink() {
    }

    public DatasetAnnotationLink(Dataset parent, Annotation child) {
        super(parent, child);
    }
}
