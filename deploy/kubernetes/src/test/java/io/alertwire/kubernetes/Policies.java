package io.alertwire.kubernetes;

import static io.alertwire.kubernetes.Manifests.id;
import static io.alertwire.kubernetes.Manifests.labels;
import static io.alertwire.kubernetes.Manifests.list;
import static io.alertwire.kubernetes.Manifests.namespace;
import static io.alertwire.kubernetes.Manifests.podTemplate;
import static io.alertwire.kubernetes.Manifests.selects;
import static io.alertwire.kubernetes.Manifests.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The deployment policies every Alertwire workload must meet, as checks that return what is wrong (an empty
 * list when all is well), so that a test can show every violation at once and a fixture can prove that each
 * check catches what it is meant to.
 */
final class Policies {

    /** What a probe of each kind must ask: the SmallRye Health endpoints every service has. */
    private static final Map<String, String> PROBE_PATHS = Map.of(
            "startupProbe", "/q/health/started",
            "livenessProbe", "/q/health/live",
            "readinessProbe", "/q/health/ready");

    /** Names of configuration values that hold secrets: they must come from a Secret, never a literal. */
    static final Pattern SENSITIVE = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|JAAS|PRIVATE_KEY|API_KEY).*");

    /** What an egress rule to "anywhere" must carve out: private, link-local (cloud metadata) and loopback. */
    private static final Map<String, Set<String>> REQUIRED_EXCEPTIONS = Map.of(
            "0.0.0.0/0", Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "127.0.0.0/8"),
            "::/0", Set.of("fc00::/7", "fe80::/10", "::1/128"));

    private Policies() {
    }

    /** Every container: the three probes on the health endpoints, requests and limits, a hardened context. */
    static List<String> containers(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (JsonNode workload : manifests.workloads()) {
            JsonNode pod = podTemplate(workload).path("spec");
            for (JsonNode container : allContainers(pod)) {
                String where = id(workload) + " container " + container.path("name").asText();
                boolean init = pod.path("initContainers").isArray()
                        && list(pod.path("initContainers")).contains(container);
                if (!init) {
                    PROBE_PATHS.forEach((probe, path) -> {
                        JsonNode p = container.path(probe);
                        if (p.isMissingNode()) {
                            problems.add(where + ": no " + probe);
                        } else if (p.has("httpGet") && !path.equals(p.at("/httpGet/path").asText())) {
                            problems.add(where + ": " + probe + " asks " + p.at("/httpGet/path").asText()
                                    + " instead of " + path);
                        }
                    });
                }
                for (String r : List.of("requests/cpu", "requests/memory", "limits/cpu", "limits/memory")) {
                    if (container.at("/resources/" + r).asText("").isBlank()) {
                        problems.add(where + ": no resources." + r.replace('/', '.'));
                    }
                }
                JsonNode security = container.path("securityContext");
                if (!security.path("allowPrivilegeEscalation").isBoolean()
                        || security.path("allowPrivilegeEscalation").asBoolean()) {
                    problems.add(where + ": allowPrivilegeEscalation is not false");
                }
                if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                    problems.add(where + ": readOnlyRootFilesystem is not true");
                }
                if (security.path("privileged").asBoolean(false)) {
                    problems.add(where + ": privileged");
                }
                if (!texts(security.at("/capabilities/drop")).contains("ALL")) {
                    problems.add(where + ": capabilities do not drop ALL");
                }
                if (!list(security.at("/capabilities/add")).isEmpty()) {
                    problems.add(where + ": adds capabilities " + texts(security.at("/capabilities/add")));
                }
                boolean nonRoot = security.has("runAsNonRoot")
                        ? security.path("runAsNonRoot").asBoolean()
                        : pod.at("/securityContext/runAsNonRoot").asBoolean(false);
                if (!nonRoot || security.path("runAsUser").asInt(1) == 0 || pod.at("/securityContext/runAsUser").asInt(1) == 0) {
                    problems.add(where + ": may run as root (runAsNonRoot not true)");
                }
                String seccomp = security.at("/seccompProfile/type")
                        .asText(pod.at("/securityContext/seccompProfile/type").asText(""));
                if (!Set.of("RuntimeDefault", "Localhost").contains(seccomp)) {
                    problems.add(where + ": no seccompProfile RuntimeDefault");
                }
                if (security.path("readOnlyRootFilesystem").asBoolean(false) && !writableTmp(pod, container)) {
                    problems.add(where + ": read-only root filesystem but /tmp is not an emptyDir");
                }
            }
        }
        return problems;
    }

    /** Pods: no host namespaces, no API token unless needed, spread over nodes. */
    static List<String> pods(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (JsonNode workload : manifests.workloads()) {
            JsonNode pod = podTemplate(workload).path("spec");
            for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
                if (pod.path(host).asBoolean(false)) {
                    problems.add(id(workload) + ": " + host);
                }
            }
            if (pod.path("automountServiceAccountToken").asBoolean(true)) {
                problems.add(id(workload) + ": mounts a service account token it does not use");
            }
            boolean spread = list(pod.path("topologySpreadConstraints")).stream()
                    .anyMatch(c -> "kubernetes.io/hostname".equals(c.path("topologyKey").asText()))
                    || pod.at("/affinity/podAntiAffinity").size() > 0;
            if (!spread) {
                problems.add(id(workload) + ": no topologySpreadConstraints or anti-affinity over nodes");
            }
        }
        return problems;
    }

    /**
     * Every pod is selected by a default-deny NetworkPolicy (both directions, no rule) and by at least one policy
     * that allows its flows; an egress rule to "anywhere" excludes private, link-local and loopback ranges.
     */
    static List<String> networkPolicies(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        List<JsonNode> policies = manifests.ofKind("NetworkPolicy");
        for (JsonNode workload : manifests.workloads()) {
            Map<String, String> podLabels = labels(podTemplate(workload));
            List<JsonNode> selecting = policies.stream()
                    .filter(p -> namespace(p).equals(namespace(workload)))
                    .filter(p -> selects(p.at("/spec/podSelector"), podLabels))
                    .toList();
            if (selecting.stream().noneMatch(Policies::isDefaultDeny)) {
                problems.add(id(workload) + ": no default-deny NetworkPolicy (Ingress and Egress, no rules) selects its pods");
            }
            if (selecting.stream().noneMatch(p -> !isDefaultDeny(p))) {
                problems.add(id(workload) + ": no NetworkPolicy allows any of its flows");
            }
        }
        for (JsonNode policy : policies) {
            for (JsonNode rule : list(policy.at("/spec/egress"))) {
                for (JsonNode peer : list(rule.path("to"))) {
                    String cidr = peer.at("/ipBlock/cidr").asText("");
                    Set<String> missing = new TreeSet<>(REQUIRED_EXCEPTIONS.getOrDefault(cidr, Set.of()));
                    missing.removeAll(texts(peer.at("/ipBlock/except")));
                    if (!missing.isEmpty()) {
                        problems.add(id(policy) + ": egress to " + cidr + " does not exclude " + missing);
                    }
                }
            }
        }
        return problems;
    }

    static boolean isDefaultDeny(JsonNode policy) {
        return texts(policy.at("/spec/policyTypes")).containsAll(Set.of("Ingress", "Egress"))
                && list(policy.at("/spec/ingress")).isEmpty()
                && list(policy.at("/spec/egress")).isEmpty();
    }

    /** The peers a workload's pods may reach outside the cluster (ipBlock CIDRs of the policies selecting it). */
    static Set<String> egressCidrs(Manifests manifests, JsonNode workload) {
        Map<String, String> podLabels = labels(podTemplate(workload));
        Set<String> cidrs = new TreeSet<>();
        manifests.ofKind("NetworkPolicy").stream()
                .filter(p -> namespace(p).equals(namespace(workload)))
                .filter(p -> selects(p.at("/spec/podSelector"), podLabels))
                .forEach(p -> list(p.at("/spec/egress")).forEach(rule -> list(rule.path("to"))
                        .forEach(peer -> {
                            if (peer.has("ipBlock")) {
                                cidrs.add(peer.at("/ipBlock/cidr").asText());
                            }
                        })));
        return cidrs;
    }

    /**
     * Every Deployment and StatefulSet is covered by a PodDisruptionBudget. With {@code highlyAvailable}, it
     * also runs at least two replicas and its budget keeps a minimum available that still allows a drain.
     */
    static List<String> disruptionBudgets(Manifests manifests, boolean highlyAvailable) {
        List<String> problems = new ArrayList<>();
        for (JsonNode workload : manifests.workloads()) {
            String kind = workload.path("kind").asText();
            if (!kind.equals("Deployment") && !kind.equals("StatefulSet")) {
                continue;
            }
            Map<String, String> podLabels = labels(podTemplate(workload));
            List<JsonNode> budgets = manifests.ofKind("PodDisruptionBudget").stream()
                    .filter(b -> namespace(b).equals(namespace(workload)))
                    .filter(b -> b.at("/spec/selector").size() > 0 && selects(b.at("/spec/selector"), podLabels))
                    .toList();
            if (budgets.isEmpty()) {
                problems.add(id(workload) + ": no PodDisruptionBudget");
                continue;
            }
            if (highlyAvailable) {
                int replicas = workload.at("/spec/replicas").asInt(1);
                if (replicas < 2) {
                    problems.add(id(workload) + ": " + replicas + " replica(s), not highly available");
                }
                for (JsonNode budget : budgets) {
                    JsonNode min = budget.at("/spec/minAvailable");
                    if (!min.isInt() || min.asInt() < 1 || min.asInt() >= replicas) {
                        problems.add(id(workload) + ": " + id(budget) + " needs minAvailable between 1 and "
                                + (replicas - 1) + ", has " + (min.isMissingNode() ? "none" : min.asText()));
                    }
                }
            }
        }
        return problems;
    }

    /** No Secret is committed with values; every sensitive setting is read from a Secret, never a literal. */
    static List<String> secrets(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (JsonNode secret : manifests.ofKind("Secret")) {
            if (secret.path("data").size() > 0 || secret.path("stringData").size() > 0) {
                problems.add(id(secret) + ": carries values; create it on the cluster instead");
            }
        }
        for (JsonNode configMap : manifests.ofKind("ConfigMap")) {
            configMap.path("data").fieldNames().forEachRemaining(key -> {
                if (SENSITIVE.matcher(key).matches()) {
                    problems.add(id(configMap) + ": " + key + " looks like a secret");
                }
            });
        }
        for (JsonNode workload : manifests.workloads()) {
            for (JsonNode container : allContainers(podTemplate(workload).path("spec"))) {
                for (JsonNode env : list(container.path("env"))) {
                    String variable = env.path("name").asText();
                    if (SENSITIVE.matcher(variable).matches() && !env.at("/valueFrom/secretKeyRef").isObject()) {
                        problems.add(id(workload) + " container " + container.path("name").asText() + ": "
                                + variable + " is not read from a Secret");
                    }
                }
            }
        }
        return problems;
    }

    /** One entry of a kustomization's {@code images:}. */
    record ImageEntry(String name, String newName, String newTag, String digest) {

        static ImageEntry of(JsonNode node) {
            return new ImageEntry(node.path("name").asText(), node.path("newName").asText(null),
                    node.path("newTag").asText(null), node.path("digest").asText(null));
        }

        /** The one image reference this entry allows. */
        String reference() {
            String repository = newName != null ? newName : name;
            return digest != null ? repository + "@" + digest : repository + ":" + newTag;
        }

        boolean pinned() {
            return digest != null || (newTag != null && !newTag.isBlank() && !newTag.equals("latest"));
        }
    }

    /** Every container's image is exactly one of the images entries, with a tag (not latest) or a digest. */
    static List<String> images(Manifests manifests, List<ImageEntry> entries) {
        List<String> problems = new ArrayList<>();
        for (ImageEntry entry : entries) {
            if (!entry.pinned()) {
                problems.add("images entry " + entry.name() + ": no tag or digest (or latest)");
            }
        }
        Set<String> allowed = entries.stream().map(ImageEntry::reference).collect(Collectors.toSet());
        for (JsonNode workload : manifests.workloads()) {
            for (JsonNode container : allContainers(podTemplate(workload).path("spec"))) {
                String image = container.path("image").asText();
                if (!allowed.contains(image)) {
                    problems.add(id(workload) + " container " + container.path("name").asText() + ": image " + image
                            + " is not one of the kustomization's images " + allowed);
                }
            }
        }
        return problems;
    }

    /**
     * Ingresses expose exactly the given paths (path to the Service behind it) with TLS on every host, and no
     * default backend.
     */
    static List<String> ingresses(Manifests manifests, Map<String, String> publicPaths) {
        List<String> problems = new ArrayList<>();
        Map<String, String> exposed = new TreeMap<>();
        for (JsonNode ingress : manifests.ofKind("Ingress")) {
            if (ingress.at("/spec/defaultBackend").isObject()) {
                problems.add(id(ingress) + ": has a default backend");
            }
            Set<String> tlsHosts = new HashSet<>();
            list(ingress.at("/spec/tls")).forEach(tls -> tlsHosts.addAll(texts(tls.path("hosts"))));
            for (JsonNode rule : list(ingress.at("/spec/rules"))) {
                String host = rule.path("host").asText("");
                if (host.isEmpty() || !tlsHosts.contains(host)) {
                    problems.add(id(ingress) + ": host '" + host + "' is served without TLS");
                }
                for (JsonNode path : list(rule.at("/http/paths"))) {
                    String p = path.path("path").asText("/");
                    String service = path.at("/backend/service/name").asText();
                    exposed.put(p, service);
                    if (!publicPaths.containsKey(p)) {
                        problems.add(id(ingress) + ": exposes " + p + ", which is not public");
                    } else if (!publicPaths.get(p).equals(service)) {
                        problems.add(id(ingress) + ": " + p + " goes to " + service + ", not " + publicPaths.get(p));
                    }
                    if ("ImplementationSpecific".equals(path.path("pathType").asText("ImplementationSpecific"))) {
                        problems.add(id(ingress) + ": " + p + " has an implementation-specific pathType");
                    }
                }
            }
        }
        publicPaths.keySet().stream().filter(p -> !exposed.containsKey(p))
                .forEach(p -> problems.add("public path " + p + " is not exposed by any Ingress"));
        return problems;
    }

    private static List<JsonNode> allContainers(JsonNode podSpec) {
        List<JsonNode> containers = new ArrayList<>(list(podSpec.path("containers")));
        containers.addAll(list(podSpec.path("initContainers")));
        return containers;
    }

    private static boolean writableTmp(JsonNode podSpec, JsonNode container) {
        return list(container.path("volumeMounts")).stream()
                .filter(m -> "/tmp".equals(m.path("mountPath").asText()))
                .map(m -> m.path("name").asText())
                .anyMatch(volume -> list(podSpec.path("volumes")).stream()
                        .anyMatch(v -> volume.equals(v.path("name").asText()) && v.has("emptyDir")));
    }
}
