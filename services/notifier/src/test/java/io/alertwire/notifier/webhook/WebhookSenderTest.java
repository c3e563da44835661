package io.alertwire.notifier.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.alertwire.notifier.delivery.AlertStory;
import io.alertwire.notifier.delivery.AlertTopic;
import io.alertwire.notifier.delivery.DeliveryTask;
import io.alertwire.notifier.delivery.SendOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender against a real HTTP server on loopback, with the address policy on and off. */
class WebhookSenderTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private WireMockServer receiver;

    @BeforeEach
    void start() {
        receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop();
    }

    @Test
    void refusesInternalTargetAtSendTimeWithoutCallingIt() {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));

        SendOutcome outcome = sender(false).send(task(receiver.baseUrl() + "/hook"));

        assertFalse(outcome.success());
        assertNull(outcome.statusCode());
        assertTrue(outcome.error().startsWith("target refused: host 'localhost' resolves to "), outcome.error());
        assertTrue(outcome.error().contains("internal address"), outcome.error());
        assertEquals(0, receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).size());
    }

    @Test
    void doesNotFollowRedirects() {
        receiver.stubFor(post(urlEqualTo("/moved")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://169.254.169.254/latest/meta-data")));

        SendOutcome outcome = sender(true).send(task(receiver.baseUrl() + "/moved"));

        assertFalse(outcome.success());
        assertEquals(302, outcome.statusCode());
        assertTrue(outcome.error().contains("redirects are not followed"), outcome.error());
    }

    @Test
    void countsOnly2xxAsDelivered() {
        receiver.stubFor(post(urlEqualTo("/accepted")).willReturn(aResponse().withStatus(202)));
        receiver.stubFor(post(urlEqualTo("/gone")).willReturn(aResponse().withStatus(410)));

        assertTrue(sender(true).send(task(receiver.baseUrl() + "/accepted")).success());
        SendOutcome gone = sender(true).send(task(receiver.baseUrl() + "/gone"));
        assertFalse(gone.success());
        assertEquals(410, gone.statusCode());
    }

    @Test
    void sendsStandardWebhooksHeadersWithTheDeliveryIdAsMessageId() {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        DeliveryTask task = task(receiver.baseUrl() + "/hook");

        assertTrue(sender(true).send(task).success());

        LoggedRequest call = receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).get(0);
        assertEquals(task.deliveryId().toString(), call.getHeader("webhook-id"));
        assertEquals(WebhookSigner.sign(task.webhookSecret(), call.getHeader("webhook-id"),
                Long.parseLong(call.getHeader("webhook-timestamp")), call.getBodyAsString()),
                call.getHeader("webhook-signature"));
        assertEquals("application/json", call.getHeader("Content-Type"));
    }

    @Test
    void reportsAnUnreachableReceiverReadably() {
        String url = receiver.baseUrl() + "/hook";
        receiver.stop();

        SendOutcome outcome = sender(true).send(task(url));

        assertFalse(outcome.success());
        assertNull(outcome.statusCode());
        assertEquals("connection refused or unreachable", outcome.error());
    }

    @Test
    void keepsOnlyAShortExcerptOfAHugeErrorAnswer() {
        receiver.stubFor(post(urlEqualTo("/huge")).willReturn(aResponse().withStatus(500)
                .withBody("overloaded\r\n" + "x".repeat(1_000_000))));

        SendOutcome outcome = sender(true).send(task(receiver.baseUrl() + "/huge"));

        assertFalse(outcome.success());
        assertEquals(500, outcome.statusCode());
        assertTrue(outcome.error().startsWith("HTTP 500 from the receiver: overloaded xxx"), outcome.error());
        assertTrue(outcome.error().length() < 260, "error of " + outcome.error().length() + " characters");
    }

    @Test
    void givesUpOnAnAnswerThatTricklesPastTheTimeout() {
        receiver.stubFor(post(urlEqualTo("/slow")).willReturn(aResponse().withStatus(500)
                .withBody("y".repeat(100)).withChunkedDribbleDelay(50, 4_000)));

        SendOutcome outcome = sender(true, Duration.ofSeconds(1)).send(task(receiver.baseUrl() + "/slow"));

        assertFalse(outcome.success());
        assertEquals("no answer within 1 s", outcome.error());
        assertTrue(outcome.durationMs() < 3_000, outcome.durationMs() + " ms");
    }

    @Test
    void tellsAGoneEndpointAndARequestedRetryTime() {
        receiver.stubFor(post(urlEqualTo("/gone")).willReturn(aResponse().withStatus(410)));
        receiver.stubFor(post(urlEqualTo("/busy")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "30")));
        receiver.stubFor(post(urlEqualTo("/down")).willReturn(aResponse().withStatus(503)));

        assertTrue(sender(true).send(task(receiver.baseUrl() + "/gone")).gone());
        Instant before = Instant.now();
        SendOutcome busy = sender(true).send(task(receiver.baseUrl() + "/busy"));
        assertFalse(busy.gone());
        assertTrue(Math.abs(Duration.between(before.plusSeconds(30), busy.retryAfter()).toMillis()) < 2_000,
                String.valueOf(busy.retryAfter()));
        SendOutcome down = sender(true).send(task(receiver.baseUrl() + "/down"));
        assertNull(down.retryAfter());
        assertFalse(down.gone());
    }

    private static WebhookSender sender(boolean allowPrivate) {
        return sender(allowPrivate, Duration.ofSeconds(5));
    }

    private static WebhookSender sender(boolean allowPrivate, Duration timeout) {
        WebhookConfig config = new WebhookConfig() {
            @Override
            public boolean allowPrivateAddresses() {
                return allowPrivate;
            }

            @Override
            public Duration timeout() {
                return timeout;
            }
        };
        return new WebhookSender(new WebhookAddressPolicy(config), JSON, config);
    }

    private static DeliveryTask task(String url) {
        AlertStory story = new AlertStory("story-1", "Summit agreed", "https://news.example/1", "Example News", "en",
                Instant.parse("2026-11-28T09:30:00Z"), "Seoul and Pyongyang agreed...", 0.9, List.of());
        return new DeliveryTask(UUID.randomUUID(), UUID.randomUUID(), "webhook", null, url, WebhookSigner.newSecret(),
                List.of(new AlertTopic("inter-korean-dialogue", "Inter-Korean dialogue")), story, Instant.now(), null);
    }
}
