package io.alertwire.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoFeedServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesBothSampleFeedsWithTimesBeforeNowAndAPagePerItem(@TempDir Path dir) throws Exception {
        try (DemoFeedServer demo = DemoFeedServer.start(0, dir)) {
            for (DemoFeedServer.DemoFeed feed : DemoFeedServer.FEEDS) {
                HttpResponse<String> response = get(demo.feedUrl(feed));
                assertEquals(200, response.statusCode(), feed.path());
                assertFalse(response.body().contains("{{"), "every placeholder filled in " + feed.path());
                assertTrue(response.body().contains(demo.baseUrl() + "/demo/articles/"), "links point at the demo server");
            }
            String atom = get(demo.feedUrl(DemoFeedServer.FEEDS.get(1))).body();
            String updated = atom.replaceFirst("(?s).*?<updated>([^<]+)</updated>.*", "$1");
            assertTrue(Instant.parse(updated).isBefore(Instant.now()), "dated before now: " + updated);
            HttpResponse<String> page = get(demo.baseUrl() + "/demo/articles/hotline-restored");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Inter-Korean hotline restored"), page.body());
        }
    }

    @Test
    void savesEachWebhookCallUnderItsWebhookId(@TempDir Path dir) throws Exception {
        try (DemoFeedServer demo = DemoFeedServer.start(0, dir)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(demo.webhookUrl()))
                    .header("webhook-id", "msg_123")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"alert.created\",\"story\":{\"title\":\"T\"}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(204, response.statusCode());
            assertEquals("{\"type\":\"alert.created\",\"story\":{\"title\":\"T\"}}", Files.readString(dir.resolve("msg_123.json")));
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
