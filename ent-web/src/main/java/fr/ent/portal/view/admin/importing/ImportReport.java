package fr.ent.portal.view.admin.importing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import fr.ent.portal.registry.boundary.ImportOutcome;
import fr.ent.portal.registry.control.ImportPlan;
import fr.ent.portal.registry.control.RowError;
import fr.ent.portal.registry.control.StaffPlan;

/**
 * The downloadable report of an import, one line per row and person: what was (or would be) done, or why the row is
 * refused. Semicolon-separated UTF-8 with a byte order mark (spreadsheets open it right); any cell that a spreadsheet
 * could run as a formula is written with a leading apostrophe.
 */
final class ImportReport {

    private ImportReport() {
    }

    /** @param text message key and parameters → text in the page's language */
    static byte[] csv(ImportPlan plan, ImportOutcome outcome, BiFunction<String, Object[], String> text) {
        List<String[]> lines = new ArrayList<>();
        for (ImportPlan.PupilPlan p : plan.pupils()) {
            lines.add(new String[] {String.valueOf(p.line()), text.apply("admin.import.report.pupil", new Object[0]),
                    p.entry().registryId(), p.entry().lastName(), p.entry().firstName(), p.division(),
                    text.apply("admin.import.action." + p.action().name(), new Object[0]),
                    changes(p.changes(), text), identifier(outcome, p.externalId())});
        }
        for (ImportPlan.RepresentativePlan r : plan.representatives()) {
            lines.add(new String[] {String.valueOf(r.line()), text.apply("admin.import.report.representative", new Object[0]),
                    r.entry().registryId(), r.entry().lastName(), r.entry().firstName(), "",
                    text.apply("admin.import.action." + r.action().name(), new Object[0]),
                    changes(r.changes(), text), identifier(outcome, r.externalId())});
        }
        for (ImportPlan.EnrollmentEnd e : plan.ends()) {
            lines.add(new String[] {"", text.apply("admin.import.report.pupil", new Object[0]), "", e.lastName(),
                    e.firstName(), e.division(), text.apply("admin.import.action.END", new Object[0]), "", e.identifier()});
        }
        if (plan.staff() != null) {
            staff(plan.staff(), outcome, text, lines);
        }
        for (RowError error : plan.errors()) {
            lines.add(new String[] {String.valueOf(error.line()), "", "", "", "", "",
                    text.apply("admin.import.action.ERROR", new Object[0]),
                    (error.column().isEmpty() ? "" : error.column() + " : ") + text.apply(error.key(), error.params().toArray()),
                    ""});
        }
        lines.sort(Comparator.comparingInt(l -> l[0].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(l[0])));
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(String.join(";", text.apply("admin.import.report.header", new Object[0]).split("\\|"))).append("\r\n");
        for (String[] line : lines) {
            csv.append(java.util.Arrays.stream(line).map(ImportReport::cell).collect(Collectors.joining(";"))).append("\r\n");
        }
        return csv.toString().getBytes(UTF_8);
    }

    /**
     * The staff part (STSWeb, or the region's AAF feed): a line per member with the classes and roles added, then a
     * line per registry role removed and per leaver (their account stays).
     */
    private static void staff(StaffPlan staff, ImportOutcome outcome, BiFunction<String, Object[], String> text,
                              List<String[]> lines) {
        String type = text.apply("admin.import.report.staff", new Object[0]);
        for (StaffPlan.Member m : staff.members()) {
            List<StaffPlan.Role> added = staff.toAdd().stream().filter(r -> r.externalId().equals(m.externalId())).toList();
            String classes = added.stream().map(StaffPlan.Role::division).filter(java.util.Objects::nonNull).distinct()
                    .collect(Collectors.joining(", "));
            String detail = changes(m.changes(), text);
            if (!added.isEmpty()) {
                detail = (detail.isEmpty() ? "" : detail + " ; ") + text.apply("admin.import.report.roles_added",
                        new Object[0]) + " : " + added.stream().map(r -> role(r.division(), r.principal(), text))
                        .collect(Collectors.joining(", "));
            }
            lines.add(new String[] {String.valueOf(m.line()), type, sourceId(m.externalId()), m.lastName(),
                    m.firstName(), classes, text.apply("admin.import.action." + m.action().name(), new Object[0]),
                    detail, identifier(outcome, m.externalId())});
        }
        for (StaffPlan.Removal r : staff.toRemove()) {
            lines.add(new String[] {"", type, "", "", "", r.division() == null ? "" : r.division(),
                    text.apply("admin.import.action.ROLE_REMOVED", new Object[0]), role(r.division(), r.principal(), text),
                    r.identifier()});
        }
        for (StaffPlan.Leaver l : staff.leavers()) {
            lines.add(new String[] {"", type, "", l.lastName(), l.firstName(), "",
                    text.apply("admin.import.action.LEAVER", new Object[0]), "", l.identifier()});
        }
    }

    private static String role(String division, boolean principal, BiFunction<String, Object[], String> text) {
        String key = division == null ? "admin.import.staff.role.staff"
                : principal ? "admin.import.staff.role.principal" : "admin.import.staff.role.teacher";
        return text.apply(key, new Object[0]) + (division == null ? "" : " " + division);
    }

    /** {@code creteil:personnel:0771763Y-123} → {@code 0771763Y-123}: the id the export gave. */
    private static String sourceId(String externalId) {
        int at = externalId.indexOf(":personnel:");
        return at < 0 ? externalId : externalId.substring(at + ":personnel:".length());
    }

    private static String changes(List<fr.ent.portal.registry.control.Change> changes,
                                  BiFunction<String, Object[], String> text) {
        return changes.stream().map(c -> text.apply("admin.import.change." + c.name(), new Object[0]))
                .collect(Collectors.joining(", "));
    }

    private static String identifier(ImportOutcome outcome, String externalId) {
        return outcome == null ? "" : outcome.identifiers().getOrDefault(externalId, "");
    }

    /** Quoted when needed; a leading = + - @ is neutralised by an apostrophe (CSV injection). */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
