package io.alertwire.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The Kubernetes objects of one rendered overlay, with the few look-ups the policies need. */
record Manifests(List<JsonNode> objects) {

    /** Kinds that run pods, and where their pod template sits. */
    private static final Map<String, String> POD_TEMPLATE_PATHS = Map.of(
            "Deployment", "/spec/template",
            "StatefulSet", "/spec/template",
            "DaemonSet", "/spec/template",
            "ReplicaSet", "/spec/template",
            "Job", "/spec/template",
            "CronJob", "/spec/jobTemplate/spec/template");

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    /** Every object that runs pods (Deployment, StatefulSet, ...). */
    List<JsonNode> workloads() {
        return objects.stream().filter(o -> POD_TEMPLATE_PATHS.containsKey(o.path("kind").asText())).toList();
    }

    static JsonNode podTemplate(JsonNode workload) {
        return workload.at(POD_TEMPLATE_PATHS.get(workload.path("kind").asText()));
    }

    static String name(JsonNode object) {
        return object.at("/metadata/name").asText();
    }

    static String namespace(JsonNode object) {
        return object.at("/metadata/namespace").asText("");
    }

    /** "Deployment/alertwire-fetch", for messages. */
    static String id(JsonNode object) {
        return object.path("kind").asText() + "/" + name(object);
    }

    static Map<String, String> labels(JsonNode metadataOwner) {
        Map<String, String> labels = new LinkedHashMap<>();
        metadataOwner.at("/metadata/labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.elements().forEachRemaining(items::add);
        return items;
    }

    static Set<String> texts(JsonNode array) {
        return list(array).stream().map(JsonNode::asText).collect(Collectors.toSet());
    }

    /**
     * Whether a Kubernetes label selector ({@code matchLabels} and {@code matchExpressions}) selects the labels.
     * An empty selector selects everything, as in a NetworkPolicy's podSelector.
     */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        Iterator<Map.Entry<String, JsonNode>> matchLabels = selector.path("matchLabels").fields();
        while (matchLabels.hasNext()) {
            var entry = matchLabels.next();
            if (!entry.getValue().asText().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : list(selector.path("matchExpressions"))) {
            String key = expression.path("key").asText();
            Set<String> values = texts(expression.path("values"));
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
