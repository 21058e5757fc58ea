package org.omerosdk.model.fs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import org.omerosdk.model.meta.IObject;

/** One file of a {@link Fileset}: the stored file and the path it had on the client (OMERO's FilesetEntry). */
@Entity
@Table(name = "filesetentry")
public class FilesetEntry extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "fileset")
    private Fileset fileset;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "originalFile")
    private OriginalFile originalFile;
    @Column(nullable = false, length = 8192)
    private String clientPath;

    protected FilesetEntry() {
    }

    public FilesetEntry(Fileset fileset, OriginalFile originalFile, String clientPath) {
        this.fileset = Objects.requireNonNull(fileset, "fileset");
        this.originalFile = Objects.requireNonNull(originalFile, "originalFile");
        this.clientPath = Objects.requireNonNull(clientPath, "clientPath");
    }

    public Fileset fileset() {
        requireLoaded();
        return fileset;
    }

    public OriginalFile originalFile() {
        requireLoaded();
        return originalFile;
    }

    public String clientPath() {
        requireLoaded();
        return clientPath;
    }
}
