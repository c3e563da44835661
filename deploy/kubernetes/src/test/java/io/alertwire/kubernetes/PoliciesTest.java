package io.alertwire.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The policy checks on a fixture that breaks each rule once: every check must name what is wrong, so that a
 * green {@link OverlaysTest} means the overlays comply and not that a check is blind.
 */
class PoliciesTest {

    private static final Manifests INSECURE = load("violations/insecure.yaml");

    @Test
    void reportsMissingProbesLimitsAndHardening() {
        List<String> problems = Policies.containers(INSECURE);

        assertContains(problems, "Deployment/insecure container app: no startupProbe");
        assertContains(problems, "Deployment/insecure container app: no readinessProbe");
        assertContains(problems, "Deployment/insecure container app: livenessProbe asks /healthz instead of /q/health/live");
        assertContains(problems, "Deployment/insecure container app: no resources.limits.memory");
        assertContains(problems, "Deployment/insecure container app: allowPrivilegeEscalation is not false");
        assertContains(problems, "Deployment/insecure container app: capabilities do not drop ALL");
        assertContains(problems, "Deployment/insecure container app: adds capabilities [NET_ADMIN]");
        assertContains(problems, "Deployment/insecure container app: may run as root (runAsNonRoot not true)");
        assertContains(problems, "Deployment/insecure container app: no seccompProfile RuntimeDefault");
        assertContains(problems, "Deployment/insecure container app: read-only root filesystem but /tmp is not an emptyDir");
    }

    @Test
    void reportsHostNamespacesTokensAndNoSpread() {
        List<String> problems = Policies.pods(INSECURE);

        assertContains(problems, "Deployment/insecure: hostNetwork");
        assertContains(problems, "Deployment/insecure: mounts a service account token it does not use");
        assertContains(problems, "Deployment/insecure: no topologySpreadConstraints or anti-affinity over nodes");
    }

    @Test
    void reportsPodsWithoutDefaultDenyAndEgressToPrivateRanges() {
        List<String> problems = Policies.networkPolicies(INSECURE);

        assertContains(problems,
                "Deployment/insecure: no default-deny NetworkPolicy (Ingress and Egress, no rules) selects its pods");
        assertContains(problems,
                "NetworkPolicy/too-open: egress to 0.0.0.0/0 does not exclude [127.0.0.0/8, 169.254.0.0/16, 172.16.0.0/12, 192.168.0.0/16]");
    }

    @Test
    void reportsCommittedAndLiteralSecrets() {
        List<String> problems = Policies.secrets(INSECURE);

        assertEquals(List.of(
                "Secret/committed: carries values; create it on the cluster instead",
                "ConfigMap/settings: ADMIN_TOKEN looks like a secret",
                "Deployment/insecure container app: DB_PASSWORD is not read from a Secret"), problems);
    }

    @Test
    void reportsImagesOutsideTheImagesEntriesAndUnpinnedEntries() {
        List<String> problems = Policies.images(INSECURE,
                List.of(new Policies.ImageEntry("ghcr.io/alertwire/fetch", null, "latest", null)));

        assertContains(problems, "images entry ghcr.io/alertwire/fetch: no tag or digest (or latest)");
        assertContains(problems, "Deployment/insecure container app: image nginx:latest is not one of the kustomization's images [ghcr.io/alertwire/fetch:latest]");
    }

    @Test
    void reportsNonPublicPathsAndMissingTls() {
        List<String> problems = Policies.ingresses(INSECURE, Map.of("/confirm", "alertwire-notifier"));

        assertContains(problems, "Ingress/everything: exposes /, which is not public");
        assertContains(problems, "Ingress/everything: host 'insecure.example.com' is served without TLS");
        assertContains(problems, "public path /confirm is not exposed by any Ingress");
    }

    @Test
    void reportsDeploymentsWithoutDisruptionBudgetOrReplicas() {
        assertEquals(List.of("Deployment/insecure: no PodDisruptionBudget"), Policies.disruptionBudgets(INSECURE, true));
    }

    @Test
    void reportsFieldsTheKubernetesApiDoesNotHave() {
        List<String> problems = ApiTypes.problems(load("violations/typos.yaml"));

        assertEquals(4, problems.size(), () -> String.join("\n", problems));
        assertTrue(problems.get(0).startsWith("Deployment/typo: Unrecognized field \"readinessprobe\""), problems.get(0));
        assertTrue(problems.get(0).endsWith(" at .spec.template.spec.containers[0].readinessprobe"), problems.get(0));
        assertTrue(problems.get(1).startsWith("PodDisruptionBudget/typo: Unrecognized field \"matchLabel\""), problems.get(1));
        assertTrue(problems.get(2).startsWith("Service/typo: ") && problems.get(2).endsWith(" at .spec.ports[0].port"),
                problems.get(2));
        assertEquals("Job/unchecked: batch/v1 has no API type here to check it against", problems.get(3));
    }

    @Test
    void reportsObjectsThatBreakTheirSchema() {
        List<String> problems = Schemas.problems(load("violations/schema.yaml"));

        assertEquals(List.of(
                "Deployment/broken: /spec/template/spec/containers/0/imagePullPolicy: enum"
                        + " (allowedValues=[\"Always\",\"IfNotPresent\",\"Never\"])",
                "KafkaTopic/broken: /spec/partitions: type (type=integer)",
                "ScaledObject/broken: /spec: required (missingProperty=scaleTargetRef)",
                "Cluster/broken: /spec/instances: type (type=integer)",
                "PrometheusRule/broken: /spec/groups/0/rules/0: required (missingProperty=expr)",
                "Pod/unchecked: no schema here for v1 Pod"), problems);
    }

    private static void assertContains(List<String> problems, String expected) {
        assertTrue(problems.contains(expected), () -> "expected \"" + expected + "\" among:\n  " + String.join("\n  ", problems));
    }

    private static Manifests load(String resource) {
        try {
            return Kustomize.parse(Path.of(PoliciesTest.class.getClassLoader().getResource(resource).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
