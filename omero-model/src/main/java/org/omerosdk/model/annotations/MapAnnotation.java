package org.omerosdk.model.annotations;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * Key/value pairs (OMERO's MapAnnotation): an ordered list in which a key may repeat. The default namespace
 * clients edit is {@link #CLIENT_NS}.
 */
@Entity
@DiscriminatorValue("map")
public class MapAnnotation extends Annotation {
    /** The namespace OMERO's clients use for user-editable key/value pairs. */
    public static final String CLIENT_NS = "openmicroscopy.org/omero/client/mapAnnotation";

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "annotation_mapvalue", joinColumns = @JoinColumn(name = "annotation_id"))
    @OrderColumn(name = "index")
    private List<NamedValue> mapValue = new ArrayList<>();

    protected MapAnnotation() {
    }

    public MapAnnotation(List<NamedValue> pairs) {
        this.mapValue = new ArrayList<>(pairs);
    }

    /** The pairs in their stored order, repeated keys included. */
    public List<NamedValue> mapValue() {
        requireLoaded();
        return List.copyOf(mapValue);
    }

    public void setMapValue(List<NamedValue> pairs) {
        this.mapValue = new ArrayList<>(pairs);
    }
}
