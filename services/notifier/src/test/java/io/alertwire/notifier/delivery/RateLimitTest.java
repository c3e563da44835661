package io.alertwire.notifier.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import static io.alertwire.notifier.TestMatches.createWebhook;
import static io.alertwire.notifier.TestMatches.deliveries;
import static io.alertwire.notifier.TestMatches.match;
import static io.alertwire.notifier.TestMatches.produce;
import static io.alertwire.notifier.TestMatches.unique;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;


import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.alertwire.notifier.ClockedPipelineTest;
import io.alertwire.notifier.GreenMailSmtp;


import io.alertwire.testing.KafkaBroker;
import io.alertwire.testing.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;



import org.junit.jupiter.api.Test;

/** A burst of news to one endpoint: ten alerts at once, the rest in one catch-up digest at the end of the hour. */
@QuarkusTest
@WithTestResource(value = KafkaBroker.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailSmtp.class, scope = TestResourceScope.GLOBAL)
class RateLimitTest extends ClockedPipelineTest {

    private static final Duration DEADLINE = Duration.ofSeconds(40);
    private static final int LIMIT = 10;

    @Test
    void collapsesABurstBeyondTheHourlyLimitIntoOneDigestAtTheEndOfTheWindow() {
        String topic = "burst-" + unique();
        String path = "/burst-" + unique();
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        String id = createWebhook(receiver.baseUrl() + path, topic).getString("id");
        // early in an hour, so that the whole burst falls into one window
        Instant windowStart = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        clock.moveTo(windowStart.plusSeconds(60));
        Instant windowEnd = windowStart.plus(Duration.ofHours(1));

        List<String> stories = IntStream.range(0, LIMIT + 3).mapToObj(i -> "story-" + i + "-" + unique()).toList();
        produce(kafka, topic, stories.stream().map(s -> (Object) match(s, topic, "Burst")).toArray());

        await().atMost(DEADLINE).until(() -> count(deliveries(id), "sent") == LIMIT
                && count(deliveries(id), "pending") == 3);
        JsonPath held = deliveries(id);
        for (String next : held.<String>getList("findAll { it.status == 'pending' }.nextAttemptAt")) {
            assertEquals(windowEnd, Instant.parse(next), "held for the end of the window");
        }
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> calls(path).size() == LIMIT);

        clock.moveTo(windowEnd.plusSeconds(1));
        await().atMost(DEADLINE).until(() -> count(deliveries(id), "sent") == LIMIT + 3);
        List<LoggedRequest> calls = calls(path);
        assertEquals(LIMIT + 1, calls.size(), "ten alerts and one digest");
        List<String> delivered = new ArrayList<>();
        for (LoggedRequest call : calls.subList(0, LIMIT)) {
            JsonPath alert = JsonPath.from(call.getBodyAsString());
            assertEquals("alert.created", alert.getString("type"));
            delivered.add(alert.getString("story.id"));
        }
        JsonPath digest = JsonPath.from(calls.get(LIMIT).getBodyAsString());
        assertEquals("digest.created", digest.getString("type"));
        assertEquals("instant", digest.getString("mode"));
        assertEquals(3, digest.getList("stories").size());
        delivered.addAll(digest.getList("stories.story.id"));
        assertEquals(new HashSet<>(stories), new HashSet<>(delivered), "every story, once");
        assertEquals(stories.size(), delivered.size(), "none twice");
    }

    private List<LoggedRequest> calls(String path) {
        return receiver.findAll(postRequestedFor(urlEqualTo(path)));
    }

    private static long count(JsonPath log, String status) {
        return log.<String>getList("status").stream().filter(status::equals).count();
    }
}
