package io.alertwire.benchmark.fetch;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The JVM options and environment the service's container image runs with, read from where the
 * image takes them ({@code quarkus.jib.*} in the service's application.properties), so that the
 * benchmark measures the service as it runs in production rather than with a copy of its options.
 */
record ProductionJvm(List<String> options, Map<String, String> environment) {

    private static final String OPTIONS = "quarkus.jib.jvm-additional-arguments";
    private static final String ENVIRONMENT_PREFIX = "quarkus.jib.environment-variables.";

    static ProductionJvm of(Path applicationProperties) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(applicationProperties, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        List<String> options = Arrays.stream(properties.getProperty(OPTIONS, "").split(","))
                .map(String::strip).filter(option -> !option.isEmpty()).toList();
        Map<String, String> environment = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(ENVIRONMENT_PREFIX)) {
                environment.put(key.substring(ENVIRONMENT_PREFIX.length()).replace("\"", ""), properties.getProperty(key));
            }
        }
        return new ProductionJvm(options, environment);
    }
}
