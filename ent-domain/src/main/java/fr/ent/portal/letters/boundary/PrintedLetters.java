package fr.ent.portal.letters.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of a print: the PDF (one page per letter; it holds the new codes in clear: keep it in memory only until
 * it is downloaded), how many letters it has, and the identifiers skipped because their account is disabled.
 */
public record PrintedLetters(byte[] pdf, int printed, List<String> skipped, String fileName) implements Serializable {

    public PrintedLetters {
        skipped = List.copyOf(skipped);
    }

    /** No letter at all (every account disabled). */
    public boolean nothing() {
        return printed == 0;
    }

    @Override
    public String toString() {
        return "PrintedLetters[" + printed + " printed, " + skipped.size() + " skipped]";
    }
}
