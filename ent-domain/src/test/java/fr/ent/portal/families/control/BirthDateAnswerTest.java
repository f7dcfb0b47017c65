package fr.ent.portal.families.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import fr.ent.portal.platform.InvalidInputException;

class BirthDateAnswerTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @ParameterizedTest
    @ValueSource(strings = {"14/03/2012", "2012-03-14", " 14/03/2012 "})
    void frenchAndIsoDatesAreRead(String typed) {
        assertEquals(LocalDate.of(2012, 3, 14), BirthDateAnswer.parse(typed, TODAY));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "NULL, children.error.date_required",
            "'  ', children.error.date_required",
            "31/02/2012, children.error.date_malformed",
            "14-03-2012, children.error.date_malformed",
            "14/3/12, children.error.date_malformed",
            "2012-03-14T00:00, children.error.date_malformed",
            "hier, children.error.date_malformed",
            "24/11/2026, children.error.date_future",
            "2030-01-01, children.error.date_future"})
    void badInputIsRefusedOnTheField(String typed, String key) {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> BirthDateAnswer.parse(typed, TODAY));
        assertEquals(BirthDateAnswer.FIELD, refused.errors().get(0).field());
        assertEquals(key, refused.errors().get(0).key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"23/11/2026"})
    void todayIsNotTheFuture(String typed) {
        assertEquals(TODAY, BirthDateAnswer.parse(typed, TODAY));
    }
}
