package fr.ent.portal.families.control;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.platform.InvalidInputException.FieldError;

/**
 * A birth date typed by a representative to confirm a child: {@code 14/03/2012} (as written in France), or
 * {@code 2012-03-14} (as sent by a date field). Malformed dates and dates after today are bad input, not a wrong
 * answer: they are refused before any comparison and never count as a failed attempt.
 */
public final class BirthDateAnswer {

    public static final String FIELD = "birthDate";

    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private BirthDateAnswer() {
    }

    /** The typed date, or an {@link InvalidInputException} on field {@value #FIELD}. */
    public static LocalDate parse(String typed, LocalDate today) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw refused("children.error.date_required");
        }
        if (text.length() > 10) {
            throw refused("children.error.date_malformed");
        }
        LocalDate date;
        try {
            date = text.contains("/") ? LocalDate.parse(text, FRENCH) : LocalDate.parse(text, ISO);
        } catch (DateTimeParseException e) {
            throw refused("children.error.date_malformed");
        }
        if (date.isAfter(today)) {
            throw refused("children.error.date_future");
        }
        return date;
    }

    private static InvalidInputException refused(String key) {
        return new InvalidInputException(List.of(new FieldError(FIELD, key)));
    }
}
