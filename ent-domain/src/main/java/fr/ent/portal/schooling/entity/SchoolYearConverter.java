package fr.ent.portal.schooling.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link SchoolYear} as its start year. */
@Converter(autoApply = true)
public class SchoolYearConverter implements AttributeConverter<SchoolYear, Integer> {

    @Override
    public Integer convertToDatabaseColumn(SchoolYear year) {
        return year == null ? null : year.startYear();
    }

    @Override
    public SchoolYear convertToEntityAttribute(Integer startYear) {
        return startYear == null ? null : SchoolYear.startingIn(startYear);
    }
}
