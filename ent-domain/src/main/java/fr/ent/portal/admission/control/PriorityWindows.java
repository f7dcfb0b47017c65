package fr.ent.portal.admission.control;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import fr.ent.portal.platform.Profile;

/**
 * Times of day when some profiles' sign-ins go ahead of the others' in the hash queue, written
 * {@code 07:30-09:00:PUPIL,STAFF;12:00-12:30:PUPIL} (windows separated by {@code ;}, local time of the schools, start
 * included, end excluded). Profiles are {@link Profile} names, or {@code STAFF} for teachers and school admins.
 */
public final class PriorityWindows {

    /** One window. */
    public record Window(LocalTime from, LocalTime until, Set<Profile> profiles) {

        boolean covers(Profile profile, LocalTime time) {
            return profiles.contains(profile) && !time.isBefore(from) && time.isBefore(until);
        }
    }

    private final List<Window> windows;

    private PriorityWindows(List<Window> windows) {
        this.windows = List.copyOf(windows);
    }

    public static PriorityWindows none() {
        return new PriorityWindows(List.of());
    }

    /** @throws IllegalArgumentException naming the part that does not parse */
    public static PriorityWindows parse(String text) {
        List<Window> windows = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return none();
        }
        for (String part : text.split(";")) {
            String window = part.strip();
            if (window.isEmpty()) {
                continue;
            }
            try {
                int dash = window.indexOf('-');
                int colon = window.indexOf(':', window.indexOf(':', dash) + 1);
                LocalTime from = LocalTime.parse(window.substring(0, dash).strip());
                LocalTime until = LocalTime.parse(window.substring(dash + 1, colon).strip());
                Set<Profile> profiles = EnumSet.noneOf(Profile.class);
                for (String name : window.substring(colon + 1).split(",")) {
                    String profile = name.strip().toUpperCase(java.util.Locale.ROOT);
                    if ("STAFF".equals(profile)) {
                        profiles.add(Profile.TEACHER);
                        profiles.add(Profile.SCHOOL_ADMIN);
                    } else {
                        profiles.add(Profile.valueOf(profile));
                    }
                }
                if (!from.isBefore(until)) {
                    throw new IllegalArgumentException("the start must come before the end");
                }
                windows.add(new Window(from, until, profiles));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + window + "' is not a window such as 07:30-09:00:PUPIL,STAFF", e);
            }
        }
        return new PriorityWindows(windows);
    }

    /** The queue priority of a sign-in of {@code profile} (null: unknown identifier) at local {@code time}. */
    public Priority priorityOf(Profile profile, LocalTime time) {
        return profile != null && windows.stream().anyMatch(w -> w.covers(profile, time)) ? Priority.WINDOW : Priority.NORMAL;
    }

    public List<Window> windows() {
        return windows;
    }
}
