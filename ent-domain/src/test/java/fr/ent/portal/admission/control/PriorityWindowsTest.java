package fr.ent.portal.admission.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import fr.ent.portal.platform.Profile;

class PriorityWindowsTest {

    private final PriorityWindows windows = PriorityWindows.parse("07:30-09:00:PUPIL,STAFF; 12:00-12:30:LEGAL_REPRESENTATIVE");

    @Test
    void profilesOfAWindowGoFirstDuringIt() {
        assertEquals(Priority.WINDOW, windows.priorityOf(Profile.PUPIL, LocalTime.of(7, 30)));
        assertEquals(Priority.WINDOW, windows.priorityOf(Profile.TEACHER, LocalTime.of(8, 59)));
        assertEquals(Priority.WINDOW, windows.priorityOf(Profile.SCHOOL_ADMIN, LocalTime.of(8, 0)));
        assertEquals(Priority.NORMAL, windows.priorityOf(Profile.LEGAL_REPRESENTATIVE, LocalTime.of(8, 0)));
        assertEquals(Priority.NORMAL, windows.priorityOf(Profile.PUPIL, LocalTime.of(9, 0)), "end excluded");
        assertEquals(Priority.NORMAL, windows.priorityOf(Profile.PUPIL, LocalTime.of(7, 29)));
        assertEquals(Priority.WINDOW, windows.priorityOf(Profile.LEGAL_REPRESENTATIVE, LocalTime.of(12, 10)));
        assertEquals(Priority.NORMAL, windows.priorityOf(null, LocalTime.of(8, 0)), "unknown identifier");
    }

    @Test
    void noWindowsNoPriority() {
        assertEquals(Priority.NORMAL, PriorityWindows.parse("").priorityOf(Profile.PUPIL, LocalTime.of(8, 0)));
        assertEquals(0, PriorityWindows.parse(" ").windows().size());
    }

    @Test
    void badWindowsAreNamed() {
        for (String bad : new String[] {"07:30-09:00", "09:00-07:30:PUPIL", "7h-9h:PUPIL", "07:30-09:00:PUPILS"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PriorityWindows.parse(bad));
            assertEquals(true, e.getMessage().contains(bad), e.getMessage());
        }
    }
}
