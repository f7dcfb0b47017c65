package fr.ent.portal.registry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.ent.portal.establishment.entity.EstablishmentKind;

class DivisionRuleTest {

    @Test
    void levelsOfEachKind() {
        for (String ok : new String[] {"2nde B", "2nde 1", "1re C", "1ère STMG", "Terminale A", "TLE 3", "  2nde   D "}) {
            assertEquals(Optional.empty(), DivisionRule.problem(EstablishmentKind.LYCEE, ok), ok);
        }
        assertEquals(Optional.of("unknown"), DivisionRule.problem(EstablishmentKind.LYCEE, "5e A"));
        assertEquals(Optional.empty(), DivisionRule.problem(EstablishmentKind.COLLEGE, "5e A"));
        assertEquals(Optional.of("unknown"), DivisionRule.problem(EstablishmentKind.COLLEGE, "2nde B"));
        assertEquals(Optional.empty(), DivisionRule.problem(EstablishmentKind.ECOLE, "CM2"));
        assertEquals(Optional.empty(), DivisionRule.problem(EstablishmentKind.CFA, "Apprentis A"));
    }

    @Test
    void shapeAndLength() {
        assertEquals(Optional.of("invalid"), DivisionRule.problem(EstablishmentKind.LYCEE, ""));
        assertEquals(Optional.of("invalid"), DivisionRule.problem(EstablishmentKind.LYCEE, "2nde <b>"));
        assertEquals(Optional.of("invalid"), DivisionRule.problem(EstablishmentKind.LYCEE, "2nde " + "B".repeat(40)));
        assertEquals("2nde D", DivisionRule.normalize("  2nde   D "));
    }
}
