package fr.ent.portal.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.ent.portal.platform.BusinessException;

class IdentifierRuleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Jean|Dupont|j.dupont",
            "Zoé|D'Artagnan-Lefèvre|z.dartagnanlefevre",
            "Émile|Durand|e.durand",
            "  jean-paul |  de la Fontaine |j.delafontaine",
            "Ève|Cœur|e.coeur",
            "Ægir|Straße|a.strasse",
            "Ößa|N'Diaye|o.ndiaye",
            "Léa|Martin 2|l.martin",
    })
    void basesAreLowerCaseAsciiLetters(String first, String last, String base) {
        assertEquals(base, IdentifierRule.base(first, last));
    }

    @Test
    void firstIdentifierIsNumberOne() {
        assertEquals("j.dupont1", IdentifierRule.next(IdentifierRule.base("Jean", "Dupont"), List.of()));
        assertEquals("z.dartagnanlefevre1", IdentifierRule.next(IdentifierRule.base("Zoé", "D'Artagnan-Lefèvre"), List.of()));
    }

    @Test
    void nextIsOneMoreThanTheHighestOfTheSameBase() {
        assertEquals("j.dupont3", IdentifierRule.next("j.dupont", List.of("j.dupont1", "j.dupont2")));
        assertEquals("j.dupont8", IdentifierRule.next("j.dupont", List.of("j.dupont7", "j.dupont2")));
        assertEquals("j.dupont11", IdentifierRule.next("j.dupont", List.of("j.dupont10", "J.DUPONT9")));
    }

    @Test
    void otherBasesDoNotCount() {
        assertEquals("j.dupont3", IdentifierRule.next("j.dupont",
                List.of("j.dupont1", "j.dupont2", "j.duponte4", "j.dupontel9", "a.j.dupont7", "j.dupont", "j.dupont0x")));
        assertEquals("j.dupont1", IdentifierRule.next("j.dupont", List.of("j.duponte4")));
    }

    @Test
    void gapsAreNotReused() {
        assertEquals("j.dupont6", IdentifierRule.next("j.dupont", List.of("j.dupont1", "j.dupont5")));
    }

    @Test
    void likePatternFindsTheCandidates() {
        assertEquals("j.dupont%", IdentifierRule.likePattern("j.dupont"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL|Dupont", "Jean|NULL", "''|Dupont", "Jean|'   '", "'  '|Dupont", "Jean|'-'", "李|Dupont",
    })
    void blankOrLetterlessNamesAreRefused(String first, String last) {
        BusinessException refused = assertThrows(BusinessException.class, () -> IdentifierRule.base(first, last));
        assertEquals("account.name.invalid", refused.key());
    }

    @Test
    void longLastNamesAreCut() {
        String base = IdentifierRule.base("Jean", "a".repeat(120));
        assertEquals(2 + IdentifierRule.MAX_LAST_NAME, base.length());
    }
}
