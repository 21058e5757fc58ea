package org.omerosdk.model.core;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.omerosdk.model.DimensionOrder;

/** Stores a {@link DimensionOrder} by its OME name ({@code XYZCT}, ...). */
@Converter(autoApply = true)
public class DimensionOrderConverter implements AttributeConverter<DimensionOrder, String> {
    @Override
    public String convertToDatabaseColumn(DimensionOrder o) {
        return o == null ? null : o.name();
    }

    @Override
    public DimensionOrder convertToEntityAttribute(String name) {
        return name == null ? null : DimensionOrder.parse(name);
    }
}
