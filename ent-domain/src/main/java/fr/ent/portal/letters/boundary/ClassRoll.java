package fr.ent.portal.letters.boundary;

import java.io.Serializable;
import java.util.List;

/** A class as the letters page shows it before printing: its establishment and its pupils of this school year. */
public record ClassRoll(long establishmentId, String establishmentName, String division, List<LetterSubject> pupils)
        implements Serializable {

    public ClassRoll {
        pupils = List.copyOf(pupils);
    }
}
