package fr.ent.portal.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/ARCHITECTURE.md's package table against the source tree (issue 22 item 6): one row per feature package of
 * {@code fr.ent.portal} in ent-domain, no row for a package that does not exist, and every class the table names
 * (a capitalised name in back quotes, possibly prefixed by a sub-package or another feature) exists there. The other sections'
 * file paths of the sign-in, import and CAS flows are checked the same way: every {@code ent-…/….java} or
 * {@code .xhtml} path given exists.
 */
class ArchitectureDocTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path ROOT = MODULE.getParent();
    private static final Path DOC = ROOT.resolve("docs/ARCHITECTURE.md");
    private static final Path FEATURES = MODULE.resolve("src/main/java/fr/ent/portal");

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)` \\|(.*)$");
    private static final Pattern CLASS_NAME = Pattern.compile("`((?:[a-z]+\\.)*)([A-Z][A-Za-z0-9]*)(?:[.#(][^`]*)?`");
    private static final Pattern FILE_PATH = Pattern.compile("`((?:ent-domain|ent-web)/[^`\\s]+\\.(?:java|xhtml|xml))`");

    @Test
    void thePackageTableListsEveryFeatureAndNoOther() throws IOException {
        Set<String> listed = new TreeSet<>();
        for (String line : packageTable()) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                assertTrue(listed.add(row.group(1)), "feature listed twice in the package table: " + row.group(1));
            }
        }
        assertEquals(featuresOnDisk(), listed, "docs/ARCHITECTURE.md's package table against " + FEATURES);
    }

    @Test
    void everyClassTheTableNamesExistsInItsFeature() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String line : packageTable()) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            Matcher name = CLASS_NAME.matcher(row.group(2));
            while (name.find()) {
                // a name may be prefixed by its package inside the feature (persistence.SchemaMigration) or by
                // another feature's (admin.control.AccountReach): then it is looked for there
                String prefix = name.group(1).isEmpty() ? "" : name.group(1).substring(0, name.group(1).indexOf('.'));
                String feature = featuresOnDisk().contains(prefix) ? prefix : row.group(1);
                if (!classesOf(feature).contains(name.group(2))) {
                    missing.add(row.group(1) + ": " + name.group(0));
                }
            }
        }
        assertEquals(List.of(), missing, "classes named in the package table but absent from their feature");
    }

    @Test
    void everyFileTheFlowsNameExists() throws IOException {
        List<String> missing = new ArrayList<>();
        Matcher path = FILE_PATH.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
        while (path.find()) {
            if (!path.group(1).contains("*") && !Files.exists(ROOT.resolve(path.group(1)))) { // globs name kinds of files
                missing.add(path.group(1));
            }
        }
        assertEquals(List.of(), missing, "files named in docs/ARCHITECTURE.md that do not exist");
    }

    private static List<String> packageTable() throws IOException {
        List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        int start = lines.indexOf("## Packages (base `fr.ent.portal`)");
        assertTrue(start >= 0, "docs/ARCHITECTURE.md has its section \"## Packages (base `fr.ent.portal`)\"");
        List<String> table = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            table.add(line);
        }
        return table;
    }

    private static Set<String> featuresOnDisk() throws IOException {
        try (Stream<Path> children = Files.list(FEATURES)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> classesOf(String feature) throws IOException {
        try (Stream<Path> files = Files.walk(FEATURES.resolve(feature))) {
            Set<String> names = new TreeSet<>();
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                names.add(p.getFileName().toString().replace(".java", ""));
                try {
                    // nested types count too (AccountReach.Action, CasXml's codes…)
                    Matcher nested = Pattern.compile("(?:class|record|enum|interface) ([A-Z]\\w*)")
                            .matcher(Files.readString(p, StandardCharsets.UTF_8));
                    while (nested.find()) {
                        names.add(nested.group(1));
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return names;
        }
    }
}
