package fr.ent.portal.schooling.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class SchoolYearTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void thirtyFirstOfAugustBelongsToTheEndingYear() {
        assertEquals(2025, SchoolYear.containing(LocalDate.of(2026, 8, 31)).startYear());
        assertEquals("2025-2026", SchoolYear.containing(LocalDate.of(2026, 8, 31)).label());
    }

    @Test
    void firstOfSeptemberStartsTheNewYear() {
        assertEquals(2026, SchoolYear.containing(LocalDate.of(2026, 9, 1)).startYear());
        assertEquals("2026-2027", SchoolYear.containing(LocalDate.of(2026, 9, 1)).label());
    }

    @Test
    void januaryAndDecemberBelongToTheSameYear() {
        assertEquals(SchoolYear.containing(LocalDate.of(2026, 12, 31)), SchoolYear.containing(LocalDate.of(2027, 1, 1)));
    }

    @Test
    void currentFollowsTheClockInItsTimeZone() {
        // 31 August 22:30 UTC is already 1 September 00:30 in Paris.
        Instant lateAugustUtc = Instant.parse("2026-08-31T22:30:00Z");
        assertEquals(2026, SchoolYear.current(Clock.fixed(lateAugustUtc, PARIS)).startYear());
        assertEquals(2025, SchoolYear.current(Clock.fixed(lateAugustUtc, ZoneId.of("UTC"))).startYear());
        assertEquals(2025, SchoolYear.current(Clock.fixed(Instant.parse("2026-08-31T21:59:59Z"), PARIS)).startYear());
    }

    @Test
    void boundsAndNeighbours() {
        SchoolYear year = SchoolYear.startingIn(2026);
        assertEquals(LocalDate.of(2026, 9, 1), year.firstDay());
        assertEquals(LocalDate.of(2027, 8, 31), year.lastDay());
        assertTrue(year.contains(LocalDate.of(2026, 9, 1)));
        assertTrue(year.contains(LocalDate.of(2027, 8, 31)));
        assertFalse(year.contains(LocalDate.of(2026, 8, 31)));
        assertFalse(year.contains(LocalDate.of(2027, 9, 1)));
        assertEquals("2025-2026", year.previous().label());
        assertEquals("2027-2028", year.next().label());
        assertTrue(year.previous().compareTo(year) < 0);
        assertEquals(year, SchoolYear.parse("2026-2027"));
        assertThrows(IllegalArgumentException.class, () -> SchoolYear.parse("2026-2028"));
    }

    @Test
    void converterStoresTheStartYear() {
        SchoolYearConverter converter = new SchoolYearConverter();
        assertEquals(2026, converter.convertToDatabaseColumn(SchoolYear.startingIn(2026)));
        assertEquals(SchoolYear.startingIn(2026), converter.convertToEntityAttribute(2026));
        assertEquals(null, converter.convertToDatabaseColumn(null));
        assertEquals(null, converter.convertToEntityAttribute(null));
    }
}
