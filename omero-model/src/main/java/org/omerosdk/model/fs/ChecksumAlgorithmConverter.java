package org.omerosdk.model.fs;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link ChecksumAlgorithm} by its OMERO name. */
@Converter(autoApply = true)
public class ChecksumAlgorithmConverter implements AttributeConverter<ChecksumAlgorithm, String> {
    @Override
    public String convertToDatabaseColumn(ChecksumAlgorithm a) {
        return a == null ? null : a.omeroName();
    }

    @Override
    public ChecksumAlgorithm convertToEntityAttribute(String name) {
        return name == null ? null : ChecksumAlgorithm.fromOmeroName(name);
    }
}
