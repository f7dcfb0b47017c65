package fr.ent.portal.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import fr.ent.portal.hostile.HostileCorpus;

/** Issue 10: no cell of the audit export starts like a spreadsheet formula, whatever was typed or sent. */
class AuditCsvHostileInputTest {

    @Property(tries = 500)
    void noNeutralisedCellStartsLikeAFormula(@ForAll("cells") String cell) {
        String written = AuditCsv.neutralise(cell);
        assertFalse(!written.isEmpty() && "=+-@\t\r".indexOf(written.charAt(0)) >= 0, written);
        assertEquals(cell, written.startsWith("'") && !cell.startsWith("'") ? written.substring(1) : written,
                "only an apostrophe is added");
    }

    @Provide
    Arbitrary<String> cells() {
        return HostileCorpus.strings();
    }
}
