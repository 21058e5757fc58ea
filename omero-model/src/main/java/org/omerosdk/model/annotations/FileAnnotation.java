package org.omerosdk.model.annotations;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.util.Objects;
import org.omerosdk.model.fs.OriginalFile;

/** An attached file (OMERO's FileAnnotation): points to an {@link OriginalFile}. */
@Entity
@DiscriminatorValue("file")
public class FileAnnotation extends Annotation {
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "file")
    private OriginalFile file;

    protected FileAnnotation() {
    }

    public FileAnnotation(OriginalFile file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public OriginalFile file() {
        requireLoaded();
        return file;
    }
}
