package fr.ent.portal.view.admin.activation;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import fr.ent.portal.activation.control.ClassFigures;
import fr.ent.portal.view.Texts;

/** The Chart.js configuration of /admin/activation's {@code p:chart}: one stacked bar per class. */
final class ActivationChart {

    private ActivationChart() {
    }

    static String of(List<ClassFigures> classes) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder active = Json.createArrayBuilder();
        JsonArrayBuilder pending = Json.createArrayBuilder();
        JsonArrayBuilder expired = Json.createArrayBuilder();
        JsonArrayBuilder none = Json.createArrayBuilder();
        for (ClassFigures c : classes) {
            labels.add(c.division());
            active.add(c.active());
            pending.add(c.pending());
            expired.add(c.expired());
            none.add(c.withoutCode());
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(dataset("admin.activation.active", "#15803d", active))
                .add(dataset("admin.activation.pending", "#1d4ed8", pending))
                .add(dataset("admin.activation.expired", "#c2410c", expired))
                .add(dataset("admin.activation.without_code", "#6b7280", none));
        JsonObjectBuilder stacked = Json.createObjectBuilder().add("stacked", true);
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder()
                        .add("responsive", true)
                        .add("maintainAspectRatio", false)
                        .add("animation", false)
                        .add("plugins", Json.createObjectBuilder()
                                .add("title", Json.createObjectBuilder().add("display", true)
                                        .add("text", Texts.text("admin.activation.chart")))
                                .add("legend", Json.createObjectBuilder().add("position", "bottom")))
                        .add("scales", Json.createObjectBuilder()
                                .add("x", stacked)
                                .add("y", Json.createObjectBuilder().add("stacked", true).add("beginAtZero", true)
                                        .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }

    private static JsonObjectBuilder dataset(String key, String color, JsonArrayBuilder values) {
        return Json.createObjectBuilder().add("label", Texts.text(key)).add("backgroundColor", color)
                .add("data", values);
    }
}
