package io.alertwire.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default list of real news sources about Korea ({@code default-sources.tsv}), added through
 * the fetch API when the fetch-service has no source at all — that is, at the first start. Without
 * internet they simply show as failing sources.
 */
public final class DefaultSources {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultSources.class);
    private static final String RESOURCE = "default-sources.tsv";

    /** One line of the list. */
    public record Source(String url, String name) {
    }

    private DefaultSources() {
    }

    public static List<Source> list() {
        List<Source> sources = new ArrayList<>();
        try (InputStream in = DefaultSources.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                sources.add(new Source(parts[0].trim(), parts.length > 1 ? parts[1].trim() : null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    /** Adds the list if the fetch-service has no source yet; returns how many were added. */
    public static int addIfNoSources(AdminApi api, String fetchUrl) {
        List<JsonNode> existing = AdminApi.items(api.get(fetchUrl + "/api/sources?page=0&size=1")
                .requireSuccess("listing sources").body());
        if (!existing.isEmpty()) {
            return 0;
        }
        int added = 0;
        for (Source source : list()) {
            AdminApi.Response response = api.post(fetchUrl + "/api/sources", Map.of("url", source.url(), "name", source.name()));
            if (response.isSuccess()) {
                added++;
            } else if (response.status() != 409) {
                LOG.warn("default source {} not added: HTTP {} {}", source.url(), response.status(), response.raw());
            }
        }
        LOG.info("{} default news sources about Korea added", added);
        return added;
    }
}
