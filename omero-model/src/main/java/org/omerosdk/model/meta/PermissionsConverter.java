package org.omerosdk.model.meta;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.omerosdk.model.Permissions;

/** Stores {@link Permissions} as OMERO does: the packed {@code long}. */
@Converter(autoApply = true)
public class PermissionsConverter implements AttributeConverter<Permissions, Long> {
    @Override
    public Long convertToDatabaseColumn(Permissions p) {
        return p == null ? null : p.toLong();
    }

    @Override
    public Permissions convertToEntityAttribute(Long bits) {
        return bits == null ? null : Permissions.fromLong(bits);
    }
}
