package io.alertwire.kubernetes;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the overlays with {@code kubectl kustomize} (the kustomize built into kubectl, so no download) and
 * parses the output. Each overlay is rendered once per test JVM.
 */
final class Kustomize {

    static final ObjectMapper YAML = new YAMLMapper();

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();
    private static final Optional<Path> KUBECTL = Executables.find("kubectl", "kustomize", "--help");

    private Kustomize() {
    }

    /** The module's folder (base/, components/, overlays/). */
    static Path moduleDir() {
        String dir = System.getProperty("alertwire.kubernetes.dir");
        return dir != null ? Path.of(dir) : Path.of("").toAbsolutePath();
    }

    static Path overlayDir(String overlay) {
        return moduleDir().resolve("overlays").resolve(overlay);
    }

    /** The rendered overlay; skips the calling test, saying why, when kubectl is not installed. */
    static Manifests render(String overlay) {
        assumeTrue(KUBECTL.isPresent(),
                "kubectl is not on the PATH: the Kubernetes manifests are not rendered nor checked on this machine");
        return RENDERED.computeIfAbsent(overlay, o -> parse(run(KUBECTL.get(), overlayDir(o))));
    }

    /** Parses a stream of YAML documents (as kubectl kustomize prints them). */
    static Manifests parse(String yaml) {
        try {
            List<JsonNode> docs = new ArrayList<>();
            try (var values = YAML.readerFor(JsonNode.class).readValues(new YAMLFactory().createParser(yaml))) {
                while (values.hasNext()) {
                    JsonNode doc = (JsonNode) values.next();
                    if (doc != null && doc.isObject()) {
                        docs.add(doc);
                    }
                }
            }
            return new Manifests(docs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifests parse(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(Path kubectl, Path overlay) {
        return Executables.run(List.of(kubectl.toString(), "kustomize", overlay.toString()), new byte[0],
                "kubectl kustomize " + overlay);
    }
}
