package io.alertwire.kubernetes;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Validates objects against the schemas of the Kubernetes API and of the custom resources of Strimzi,
 * CloudNativePG, KEDA and the Prometheus Operator: required fields, types, enums and patterns. The schemas are
 * vendored as one JavaScript file ({@code schemas/validate-manifests.bundle.mjs}, see {@code schemas/README.md})
 * that node runs; nothing is downloaded. Unknown fields are not schema errors there (the schemas allow them);
 * {@link ApiTypes} catches those for the built-in kinds.
 */
final class Schemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Optional<Path> NODE = Executables.find("node", "-e",
            "process.exit(Number(process.versions.node.split('.')[0]) >= 18 ? 0 : 1)");

    private Schemas() {
    }

    /** One line per violation, naming the object and the path inside it; skips the caller when node is absent. */
    static List<String> problems(Manifests manifests) {
        assumeTrue(NODE.isPresent(),
                "node (18 or newer) is not on the PATH: the manifests are not validated against their schemas here");
        Path bundle = Kustomize.moduleDir().resolve("schemas").resolve("validate-manifests.bundle.mjs");
        try {
            String problems = Executables.run(List.of(NODE.get().toString(), bundle.toString()),
                    JSON.writeValueAsBytes(manifests.objects()), "the schema validation");
            return JSON.readValue(problems, new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
