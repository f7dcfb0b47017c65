package fr.ent.portal.schooling.entity;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.Objects;

/**
 * A school year, from 1 September to 31 August, known by its start year and labelled {@code 2026-2027}.
 * Stored as an integer column {@code school_year} holding the start year ({@link SchoolYearConverter}).
 */
public final class SchoolYear implements Comparable<SchoolYear>, Serializable {

    private static final long serialVersionUID = 1L;

    private final int startYear;

    private SchoolYear(int startYear) {
        if (startYear < 1900 || startYear > 9998) {
            throw new IllegalArgumentException("Not a plausible school year start: " + startYear);
        }
        this.startYear = startYear;
    }

    public static SchoolYear startingIn(int startYear) {
        return new SchoolYear(startYear);
    }

    /** The school year of a day: on or after 1 September, the one starting that year; before, the previous one. */
    public static SchoolYear containing(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return new SchoolYear(day.getMonthValue() >= Month.SEPTEMBER.getValue() ? day.getYear() : day.getYear() - 1);
    }

    /** The school year of today, by the clock's time zone. */
    public static SchoolYear current(Clock clock) {
        return containing(LocalDate.now(clock));
    }

    /** Parses a label such as {@code 2026-2027}. */
    public static SchoolYear parse(String label) {
        String[] parts = Objects.requireNonNull(label, "label").strip().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Not a school year: " + label);
        }
        int start = Integer.parseInt(parts[0]);
        if (Integer.parseInt(parts[1]) != start + 1) {
            throw new IllegalArgumentException("Not a school year: " + label);
        }
        return new SchoolYear(start);
    }

    public int startYear() {
        return startYear;
    }

    /** 1 September of the start year. */
    public LocalDate firstDay() {
        return LocalDate.of(startYear, Month.SEPTEMBER, 1);
    }

    /** 31 August of the following year. */
    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, Month.AUGUST, 31);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
    }

    public SchoolYear previous() {
        return new SchoolYear(startYear - 1);
    }

    public SchoolYear next() {
        return new SchoolYear(startYear + 1);
    }

    /** {@code 2026-2027}. */
    public String label() {
        return startYear + "-" + (startYear + 1);
    }

    @Override
    public int compareTo(SchoolYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchoolYear other && other.startYear == startYear;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(startYear);
    }

    @Override
    public String toString() {
        return label();
    }
}
