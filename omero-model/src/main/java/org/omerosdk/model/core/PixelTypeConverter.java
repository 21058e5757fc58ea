package org.omerosdk.model.core;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.omerosdk.model.PixelType;

/** Stores a {@link PixelType} by its OMERO name ({@code uint16}, {@code float}, ...). */
@Converter(autoApply = true)
public class PixelTypeConverter implements AttributeConverter<PixelType, String> {
    @Override
    public String convertToDatabaseColumn(PixelType t) {
        return t == null ? null : t.omeroName();
    }

    @Override
    public PixelType convertToEntityAttribute(String name) {
        return name == null ? null : PixelType.fromOmeroName(name);
    }
}
