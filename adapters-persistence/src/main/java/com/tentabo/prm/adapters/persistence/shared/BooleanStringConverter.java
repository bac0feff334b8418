package com.tentabo.prm.adapters.persistence.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;
import java.util.Set;

/**
 * The seed schema stores some booleans as strings ({@code products.is_active}, {@code lead_activities.done}).
 * They are booleans everywhere above this adapter. Writes are always {@code 'true'} / {@code 'false'}, as the
 * seed system writes them; reads also accept the spellings a hand-edited legacy row may hold
 * ({@code t}, {@code 1}, {@code yes}, any case, surrounding blanks). SQL NULL stays null.
 */
@Converter
public class BooleanStringConverter implements AttributeConverter<Boolean, String> {

    /** The spellings read as true once trimmed and lower-cased; every other value reads as false. */
    public static final Set<String> TRUE_SPELLINGS = Set.of("true", "t", "1", "yes", "y", "on");

    @Override
    public String convertToDatabaseColumn(Boolean value) {
        return value == null ? null : value.toString();
    }

    @Override
    public Boolean convertToEntityAttribute(String column) {
        if (column == null) {
            return null;
        }
        return TRUE_SPELLINGS.contains(column.trim().toLowerCase(Locale.ROOT));
    }
}
