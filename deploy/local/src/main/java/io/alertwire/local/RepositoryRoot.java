package io.alertwire.local;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the repository root, which holds the services' built artifacts and the default data folder.
 * run.sh passes it as {@code -Dalertwire.root}; otherwise the folders above this jar and above the
 * working directory are searched, so that {@code java -jar} from anywhere still works.
 */
public final class RepositoryRoot {

    public static final String PROPERTY = "alertwire.root";

    private RepositoryRoot() {
    }

    public static Path locate() {
        String given = System.getProperty(PROPERTY);
        if (given != null && !given.isBlank()) {
            Path root = Path.of(given).toAbsolutePath().normalize();
            if (!isRoot(root)) {
                throw new IllegalStateException(PROPERTY + "=" + root + " is not the Alertwire repository root");
            }
            return root;
        }
        return searchUp(codeLocation())
                .or(() -> searchUp(Path.of("").toAbsolutePath()))
                .orElseThrow(() -> new IllegalStateException(
                        "cannot find the Alertwire repository root: run deploy/local/run.sh or pass -D" + PROPERTY));
    }

    static boolean isRoot(Path dir) {
        return Files.isDirectory(dir.resolve("services")) && Files.isDirectory(dir.resolve("deploy/local"));
    }

    private static Optional<Path> searchUp(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static Path codeLocation() {
        try {
            return Path.of(RepositoryRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
