package fr.ent.portal.registry.control;

import java.io.Serializable;
import java.util.List;

/**
 * What is wrong with one row of the file: its line, the column concerned (a header as written in docs/IMPORT.md, or
 * empty for the whole row), and a message key with its parameters.
 */
public record RowError(int line, String column, String key, List<String> params) implements Serializable {

    public RowError {
        column = column == null ? "" : column;
        params = List.copyOf(params);
    }

    public static RowError of(int line, String column, String key, Object... params) {
        return new RowError(line, column, key, java.util.Arrays.stream(params).map(String::valueOf).toList());
    }
}
