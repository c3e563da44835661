package io.alertwire.kubernetes;

import static io.alertwire.kubernetes.Manifests.id;
import static io.alertwire.kubernetes.Manifests.list;
import static io.alertwire.kubernetes.Manifests.name;
import static io.alertwire.kubernetes.Manifests.podTemplate;
import static io.alertwire.kubernetes.Manifests.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders each overlay as {@code kubectl kustomize} would apply it and checks the result against the deployment
 * policies: hardened containers, disruption budgets, network policies, no committed secrets, pinned images, only
 * the public paths on the Ingress, and what Kafka, PostgreSQL and the autoscalers must look like.
 */
class OverlaysTest {

    private static final List<String> SERVICES = List.of("fetch", "classifier", "notifier");

    /** The only paths the internet may reach (PRODUCT.md §6), and the Service behind each. */
    private static final Map<String, String> PUBLIC_PATHS = Map.of(
            "/confirm", "alertwire-notifier",
            "/unsubscribe", "alertwire-notifier",
            "/websub", "alertwire-fetch");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void rendersTheThreeServices(String overlay) {
        Manifests manifests = Kustomize.render(overlay);

        Set<String> deployments = manifests.ofKind("Deployment").stream().map(Manifests::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("alertwire-classifier", "alertwire-fetch", "alertwire-notifier")), deployments);
        manifests.objects().forEach(o -> assertTrue(!Manifests.namespace(o).isEmpty() || isClusterScoped(o),
                id(o) + " has no namespace"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void builtInKindsUseOnlyFieldsTheKubernetesApiHas(String overlay) {
        assertNone(ApiTypes.problems(Kustomize.render(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectMatchesTheSchemaOfItsKind(String overlay) {
        assertNone(Schemas.problems(Kustomize.render(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasProbesResourcesAndAHardenedSecurityContext(String overlay) {
        assertNone(Policies.containers(Kustomize.render(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void podsStayOffTheHostAndSpreadOverNodes(String overlay) {
        assertNone(Policies.pods(Kustomize.render(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPodIsDeniedByDefaultAndAllowedOnlyItsFlows(String overlay) {
        Manifests manifests = Kustomize.render(overlay);
        assertNone(Policies.networkPolicies(manifests));

        // only fetch (feeds) and notifier (SMTP, webhooks) leave the cluster
        Map<String, Set<String>> internet = new TreeMap<>();
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            internet.put(name(deployment), Policies.egressCidrs(manifests, deployment));
        }
        assertEquals(Map.of(
                "alertwire-fetch", Set.of("0.0.0.0/0", "::/0"),
                "alertwire-classifier", Set.of(),
                "alertwire-notifier", Set.of("0.0.0.0/0", "::/0")), internet);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceMayReachTheKafkaListener(String overlay) {
        Manifests manifests = Kustomize.render(overlay);
        JsonNode listener = single(manifests, "Kafka").at("/spec/kafka/listeners/0");
        assertEquals("scram-sha-512", listener.at("/authentication/type").asText());
        assertTrue(listener.path("tls").asBoolean(), "the listener speaks TLS");
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            Map<String, String> pod = Manifests.labels(podTemplate(deployment));
            assertTrue(list(listener.path("networkPolicyPeers")).stream()
                            .anyMatch(peer -> peer.has("podSelector") && Manifests.selects(peer.path("podSelector"), pod)),
                    id(deployment) + " is not let through the Kafka listener's network policy");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void secretsAreReferencedByNameAndNeverCommitted(String overlay) {
        Manifests manifests = Kustomize.render(overlay);
        assertNone(Policies.secrets(manifests));

        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            Map<String, String> fromSecrets = new TreeMap<>();
            for (JsonNode env : list(podTemplate(deployment).at("/spec/containers/0/env"))) {
                if (env.at("/valueFrom/secretKeyRef").isObject()) {
                    fromSecrets.put(env.path("name").asText(), env.at("/valueFrom/secretKeyRef/name").asText());
                }
            }
            String service = name(deployment).substring("alertwire-".length());
            assertEquals("alertwire-admin-token", fromSecrets.get("ALERTWIRE_ADMIN_TOKEN"), id(deployment));
            assertEquals("alertwire-" + service + "-db", fromSecrets.get("QUARKUS_DATASOURCE_PASSWORD"), id(deployment));
            assertEquals("alertwire-" + service, fromSecrets.get("KAFKA_SASL_JAAS_CONFIG"), id(deployment));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void imagesComeFromTheOverlaysImagesEntries(String overlay) throws IOException {
        JsonNode kustomization = Kustomize.YAML.readTree(Kustomize.overlayDir(overlay).resolve("kustomization.yaml").toFile());
        List<Policies.ImageEntry> entries = list(kustomization.path("images")).stream()
                .map(Policies.ImageEntry::of).toList();

        assertEquals(Set.of("ghcr.io/alertwire/fetch", "ghcr.io/alertwire/classifier", "ghcr.io/alertwire/notifier"),
                entries.stream().map(Policies.ImageEntry::name).collect(Collectors.toSet()));
        assertNone(Policies.images(Kustomize.render(overlay), entries));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void ingressExposesOnlyThePublicPaths(String overlay) {
        assertNone(Policies.ingresses(Kustomize.render(overlay), PUBLIC_PATHS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentIsCoveredByADisruptionBudget(String overlay) {
        assertNone(Policies.disruptionBudgets(Kustomize.render(overlay), false));
    }

    @Test
    void productionIsHighlyAvailable() {
        Manifests prod = Kustomize.render("prod");
        assertNone(Policies.disruptionBudgets(prod, true));

        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : prod.ofKind("Deployment")) {
            boolean hardSpread = list(podTemplate(deployment).at("/spec/topologySpreadConstraints")).stream()
                    .anyMatch(c -> c.path("topologyKey").asText().equals("kubernetes.io/hostname")
                            && c.path("whenUnsatisfiable").asText().equals("DoNotSchedule"));
            if (!hardSpread) {
                problems.add(id(deployment) + ": replicas may share a node");
            }
        }
        assertNone(problems);

        JsonNode pool = single(prod, "KafkaNodePool");
        assertEquals(3, pool.at("/spec/replicas").asInt(), "Kafka nodes");
        assertEquals(Set.of("controller", "broker"), texts(pool.at("/spec/roles")));
        assertEquals(3, single(prod, "Cluster").at("/spec/instances").asInt(), "PostgreSQL instances");
        assertTrue(single(prod, "Cluster").at("/spec/backup/barmanObjectStore/destinationPath").asText().startsWith("s3://"),
                "PostgreSQL is backed up");
        assertEquals(1, prod.ofKind("ScheduledBackup").size(), "a scheduled backup");
    }

    @Test
    void developmentRunsOneOfEverything() {
        Manifests dev = Kustomize.render("dev");
        dev.ofKind("Deployment").forEach(d -> assertEquals(1, d.at("/spec/replicas").asInt(), id(d)));
        assertEquals(1, single(dev, "KafkaNodePool").at("/spec/replicas").asInt());
        assertEquals(1, single(dev, "Cluster").at("/spec/instances").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void topicsFitTheKafkaCluster(String overlay) throws IOException {
        Manifests manifests = Kustomize.render(overlay);
        int nodes = single(manifests, "KafkaNodePool").at("/spec/replicas").asInt();
        Map<String, Integer> partitions = new TreeMap<>();
        for (JsonNode topic : manifests.ofKind("KafkaTopic")) {
            int replicas = topic.at("/spec/replicas").asInt();
            int minInsync = topic.at("/spec/config/min.insync.replicas").asInt();
            assertEquals(nodes, replicas, id(topic) + " replicas");
            // with more than one copy, a write must reach two of them, and one broker may still be down
            assertEquals(replicas == 1 ? 1 : replicas - 1, minInsync, id(topic) + " min.insync.replicas");
            partitions.put(topic.at("/spec/topicName").asText(), topic.at("/spec/partitions").asInt());
        }
        assertEquals(Set.of("alertwire.articles.v1", "alertwire.matches.v1", "alertwire.articles.v1.dlq",
                "alertwire.matches.v1.dlq"), partitions.keySet());

        // autoscaling never goes past one consumer per partition, counting every consumer of a replica
        // in the group the autoscaler watches
        for (JsonNode scaled : manifests.ofKind("ScaledObject")) {
            JsonNode trigger = scaled.at("/spec/triggers/0/metadata");
            String topic = trigger.path("topic").asText();
            int perReplica = consumersPerReplica(scaled.at("/spec/scaleTargetRef/name").asText(),
                    trigger.path("consumerGroup").asText());
            assertTrue(perReplica > 0, id(scaled) + " watches a consumer group its service does not consume in");
            int consumers = scaled.at("/spec/maxReplicaCount").asInt() * perReplica;
            assertTrue(consumers <= partitions.get(topic), id(scaled) + " scales to " + consumers
                    + " consumers, beyond the partitions of " + topic);
        }
    }

    /** The Kafka consumers one replica of a service runs in a consumer group, from the service's own configuration. */
    private static int consumersPerReplica(String deployment, String group) throws IOException {
        Properties config = new Properties();
        Path file = Kustomize.moduleDir().resolve(Path.of("..", "..", "services", deployment.replace("alertwire-", ""),
                "src", "main", "resources", "application.properties"));
        try (Reader in = Files.newBufferedReader(file)) {
            config.load(in);
        }
        return config.stringPropertyNames().stream()
                .filter(key -> key.startsWith("mp.messaging.incoming.") && key.endsWith(".group.id")
                        && group.equals(config.getProperty(key)))
                .mapToInt(key -> Integer.parseInt(config.getProperty(key.replace(".group.id", ".concurrency"), "1")))
                .sum();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void autoscalersTargetTheServices(String overlay) {
        Manifests manifests = Kustomize.render(overlay);
        Map<String, String> targets = new TreeMap<>();
        manifests.ofKind("ScaledObject").forEach(s -> targets.put(s.at("/spec/scaleTargetRef/name").asText(),
                "kafka lag of " + s.at("/spec/triggers/0/metadata/consumerGroup").asText()));
        manifests.ofKind("HorizontalPodAutoscaler").forEach(h -> targets.put(h.at("/spec/scaleTargetRef/name").asText(),
                "cpu"));
        assertEquals(Map.of(
                "alertwire-fetch", "cpu",
                "alertwire-classifier", "kafka lag of alertwire-classifier",
                "alertwire-notifier", "kafka lag of alertwire-notifier"), targets);
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            int replicas = deployment.at("/spec/replicas").asInt();
            int min = manifests.objects().stream()
                    .filter(o -> name(deployment).equals(o.at("/spec/scaleTargetRef/name").asText()))
                    .mapToInt(o -> o.at("/spec/minReplicas").asInt(o.at("/spec/minReplicaCount").asInt()))
                    .findFirst().orElseThrow();
            assertEquals(min, replicas, id(deployment) + ": replicas differ from the autoscaler's minimum");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaUsersMayOnlyDoTheirPartOfThePipeline(String overlay) {
        Manifests manifests = Kustomize.render(overlay);
        Map<String, Set<String>> grants = new TreeMap<>();
        for (JsonNode user : manifests.ofKind("KafkaUser")) {
            Set<String> acls = new TreeSet<>();
            for (JsonNode acl : list(user.at("/spec/authorization/acls"))) {
                for (String operation : texts(acl.path("operations"))) {
                    if (!operation.equals("Describe") || name(user).equals("alertwire-keda")) {
                        acls.add(operation + " " + acl.at("/resource/type").asText() + " " + acl.at("/resource/name").asText());
                    }
                }
            }
            grants.put(name(user), acls);
        }
        assertEquals(Map.of(
                "alertwire-fetch", Set.of("Write topic alertwire.articles.v1"),
                "alertwire-classifier", Set.of("Read topic alertwire.articles.v1", "Read group alertwire-classifier",
                        "Write topic alertwire.matches.v1", "Write topic alertwire.articles.v1.dlq"),
                "alertwire-notifier", Set.of("Read topic alertwire.matches.v1", "Read group alertwire-notifier",
                        "Write topic alertwire.matches.v1.dlq"),
                "alertwire-keda", Set.of("Describe topic alertwire.articles.v1", "Describe topic alertwire.matches.v1",
                        "Describe group alertwire-classifier", "Describe group alertwire-notifier")), grants);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasItsDatabaseAndIsScraped(String overlay) {
        Manifests manifests = Kustomize.render(overlay);
        Set<String> databases = manifests.ofKind("Database").stream().map(d -> d.at("/spec/name").asText())
                .collect(Collectors.toSet());
        Set<String> roles = list(single(manifests, "Cluster").at("/spec/managed/roles")).stream()
                .map(r -> r.path("name").asText()).collect(Collectors.toSet());
        assertEquals(Set.copyOf(SERVICES), databases);
        assertEquals(Set.copyOf(SERVICES), roles);
        for (String service : SERVICES) {
            JsonNode config = manifests.ofKind("ConfigMap").stream()
                    .filter(c -> name(c).startsWith("alertwire-" + service + "-config"))
                    .findFirst().orElseThrow();
            assertTrue(config.at("/data/QUARKUS_DATASOURCE_JDBC_URL").asText().contains("/" + service + "?"),
                    service + " connects to its own database");
            JsonNode monitor = manifests.find("ServiceMonitor", "alertwire-" + service).orElseThrow();
            assertEquals("/q/metrics", monitor.at("/spec/endpoints/0/path").asText());
        }
    }

    private static JsonNode single(Manifests manifests, String kind) {
        List<JsonNode> found = manifests.ofKind(kind);
        assertEquals(1, found.size(), "one " + kind);
        return found.get(0);
    }

    private static boolean isClusterScoped(JsonNode object) {
        return Set.of("Namespace", "ClusterRole", "ClusterRoleBinding").contains(object.path("kind").asText());
    }

    private static void assertNone(List<String> problems) {
        assertTrue(problems.isEmpty(), () -> problems.size() + " policy violation(s):\n  " + String.join("\n  ", problems));
    }
}
