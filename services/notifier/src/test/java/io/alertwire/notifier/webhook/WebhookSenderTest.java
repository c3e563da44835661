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
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender against a real HTTP server on loopback, with the address policy on and off. */
class WebhookSenderTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static Vertx vertx;

    private WireMockServer receiver;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

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
    void countsA2xxAtOnceEvenIfItsBodyTricklesOn() throws IOException {
        HttpServer trickling = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        trickling.createContext("/slow-ok", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            try {
                for (int i = 0; i < 80; i++) {
                    exchange.getResponseBody().write('z');
                    exchange.getResponseBody().flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException | IOException e) {
                // the sender hung up
            }
            exchange.close();
        });
        trickling.start();
        try {
            String url = "http://127.0.0.1:" + trickling.getAddress().getPort() + "/slow-ok";

            // the body takes 8 s to come; the status is there at once
            SendOutcome outcome = sender(true, Duration.ofSeconds(10)).send(task(url));

            assertTrue(outcome.success(), outcome.error());
            assertTrue(outcome.durationMs() < 4_000, outcome.durationMs() + " ms");
        } finally {
            trickling.stop(0);
        }
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

    @Test
    void refusesEveryKindOfInternalAddressThroughTheSenderWithoutCallingIt() {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("127.0.0.1", "loopback");
        kinds.put("10.1.2.3", "private");
        kinds.put("172.20.0.9", "private");
        kinds.put("192.168.1.1", "private");
        kinds.put("169.254.10.1", "link-local");
        kinds.put("169.254.169.254", "cloud metadata");
        kinds.put("100.64.0.1", "shared (CGNAT)");
        kinds.put("0.1.2.3", "'this network' (0.0.0.0/8)");
        kinds.put("224.0.0.251", "multicast");
        kinds.put("255.255.255.255", "broadcast");
        kinds.put("::1", "loopback");
        kinds.put("::", "unspecified");
        kinds.put("fc00::7", "unique-local");
        kinds.put("fd00:ec2::254", "cloud metadata");
        kinds.put("fe80::1", "link-local");
        kinds.put("ff02::1", "multicast");
        kinds.put("64:ff9b::a9fe:a9fe", "cloud metadata"); // NAT64 of 169.254.169.254
        kinds.put("2002:7f00:1::", "loopback"); // 6to4 of 127.0.0.1
        for (Map.Entry<String, String> kind : kinds.entrySet()) {
            CountingResolver resolver = new CountingResolver(kind.getKey());
            SendOutcome outcome = sender(resolver, false, List.of()).send(task(viaName("/hook")));

            assertFalse(outcome.success(), kind.getKey());
            assertNull(outcome.statusCode());
            assertTrue(outcome.error().startsWith("target refused: host 'webhooks.alertwire.test' resolves to "),
                    outcome.error());
            assertTrue(outcome.error().contains("an internal address (" + kind.getValue() + ")"), outcome.error());
        }
        assertEquals(0, receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).size());
    }

    @Test
    void refusesAHostWithAnyInternalAddressAmongPublicOnes() {
        CountingResolver resolver = new CountingResolver("93.184.215.14", "10.0.0.1");

        SendOutcome outcome = sender(resolver, false, List.of()).send(task(viaName("/hook")));

        assertFalse(outcome.success());
        assertTrue(outcome.error().contains("10.0.0.1, an internal address (private)"), outcome.error());
    }

    @Test
    void connectsToTheAddressItCheckedWithoutResolvingTheHostAgain() {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        // DNS rebinding: the first answer is one the policy lets through (the operator allows this one
        // loopback address, where the receiver listens), every later one is the metadata service
        CountingResolver resolver = new CountingResolver("127.0.0.1").thenAnswer("169.254.169.254");
        WebhookSender sender = sender(resolver, false, List.of(AddressRange.parse("127.0.0.1/32")));

        SendOutcome first = sender.send(task(viaName("/hook")));

        assertTrue(first.success(), first.error());
        assertEquals(1, resolver.lookups(), "resolved once, by the check");
        LoggedRequest call = receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).get(0);
        assertEquals("webhooks.alertwire.test:" + receiver.port(), call.getHeader("Host"),
                "the Host header keeps the name");

        SendOutcome second = sender.send(task(viaName("/hook")));
        assertFalse(second.success());
        assertTrue(second.error().contains("169.254.169.254, an internal address (cloud metadata)"), second.error());
        assertEquals(1, receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).size());
    }

    @Test
    void verifiesTheCertificateOfAnHttpsReceiverAgainstTheHostName() {
        WireMockServer tls = new WireMockServer(options().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"));
        tls.start();
        try {
            tls.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
            CountingResolver resolver = new CountingResolver("127.0.0.1");

            // WireMock's self-signed certificate: no receiver the notifier should trust
            SendOutcome outcome = sender(resolver, true, List.of())
                    .send(task("https://webhooks.alertwire.test:" + tls.httpsPort() + "/hook"));

            assertFalse(outcome.success());
            assertTrue(outcome.error().startsWith("TLS failed"), outcome.error());
            assertEquals(0, tls.findAll(postRequestedFor(urlEqualTo("/hook"))).size());
        } finally {
            tls.stop();
        }
    }

    @Test
    void signsWithBothSecretsWhileARotatedOneIsHonoured() {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        DeliveryTask plain = task(receiver.baseUrl() + "/hook");
        String previous = WebhookSigner.newSecret();
        DeliveryTask rotated = new DeliveryTask(plain.deliveryId(), plain.subscriptionId(), "webhook", null,
                plain.webhookUrl(), plain.webhookSecret(), plain.topics(), plain.story(), plain.createdAt(), null,
                previous);

        assertTrue(sender(true).send(rotated).success());

        LoggedRequest call = receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).get(0);
        String[] signatures = call.getHeader("webhook-signature").split(" ");
        assertEquals(2, signatures.length, call.getHeader("webhook-signature"));
        long timestamp = Long.parseLong(call.getHeader("webhook-timestamp"));
        assertEquals(WebhookSigner.sign(plain.webhookSecret(), call.getHeader("webhook-id"), timestamp,
                call.getBodyAsString()), signatures[0], "the new secret first");
        assertEquals(WebhookSigner.sign(previous, call.getHeader("webhook-id"), timestamp, call.getBodyAsString()),
                signatures[1]);
    }

    @Test
    void reusesTheConnectionForTheNextCallToTheSameCheckedAddress() throws IOException, InterruptedException {
        ReceiverPorts ports = new ReceiverPorts("127.0.0.1");
        try {
            WebhookSender sender = sender(new CountingResolver("127.0.0.1"), false,
                    List.of(AddressRange.parse("127.0.0.1/32")));
            for (int i = 0; i < 3; i++) {
                SendOutcome outcome = sender.send(task(ports.url()));
                assertTrue(outcome.success(), outcome.error());
                // a 2xx counts once its status is in; its connection is free again once the body is read
                Thread.sleep(200);
            }
            assertEquals(3, ports.calls().size());
            assertEquals(1, Set.copyOf(ports.calls()).size(), "one connection for all calls: " + ports.calls());
        } finally {
            ports.stop();
        }
    }

    @Test
    void countsA204ThatCameBeforeTheCallWasFullySent() throws Exception {
        // a receiver may answer as soon as it has read the headers: the answer, without a body, can
        // then be over before the sender looks at it, and it is still a delivery
        try (AnswersOncePerConnection receiver = new AnswersOncePerConnection(true)) {
            WebhookSender sender = sender(true);
            for (int i = 0; i < 20; i++) {
                SendOutcome outcome = sender.send(task(receiver.url()));
                assertTrue(outcome.success(), "call " + i + ": " + outcome.error());
            }
        }
    }

    @Test
    void doesNotReuseAConnectionOnceTheHostResolvesToAnotherAddress() throws IOException {
        // the receiver listens on 127.0.0.1 only; the host then moves to 127.0.0.2, where nothing listens:
        // a pooled connection to the old address must not carry the second call
        ReceiverPorts ports = new ReceiverPorts("127.0.0.1");
        try {
            CountingResolver resolver = new CountingResolver("127.0.0.1").thenAnswer("127.0.0.2");
            WebhookSender sender = sender(resolver, false, List.of(AddressRange.parse("127.0.0.0/8")));
            String url = "http://webhooks.alertwire.test:" + ports.port() + "/hook";

            assertTrue(sender.send(task(url)).success());
            SendOutcome moved = sender.send(task(url));

            assertFalse(moved.success());
            assertEquals("connection refused or unreachable", moved.error());
            assertEquals(1, ports.calls().size());
        } finally {
            ports.stop();
        }
    }

    @Test
    void sendsOnceMoreWhenTheReceiverDropsAKeptAliveConnectionUnanswered() throws IOException, InterruptedException {
        // the race of keep-alive: the receiver closes a connection just as the next call goes out on it
        try (AnswersOncePerConnection receiver = new AnswersOncePerConnection()) {
            WebhookSender sender = sender(true);
            DeliveryTask first = task(receiver.url());
            DeliveryTask second = task(receiver.url());

            assertTrue(sender.send(first).success());
            Thread.sleep(200); // the connection is back in the pool, to be reused
            SendOutcome outcome = sender.send(second);

            assertTrue(outcome.success(), outcome.error());
            assertEquals(List.of(first.deliveryId().toString(), second.deliveryId().toString(),
                    second.deliveryId().toString()), receiver.webhookIds(), "the dropped call again, with its webhook-id");
        }
    }

    /**
     * An HTTP/1.1 receiver that answers the first request on each connection with 204 (keeping it
     * open, as HTTP/1.1 allows) and closes the connection, unanswered, on the next; or, answering
     * early, answers every request with 204 as soon as its headers are in.
     */
    private static final class AnswersOncePerConnection implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<String> webhookIds = new CopyOnWriteArrayList<>();
        private final boolean answerEarly;

        AnswersOncePerConnection() throws IOException {
            this(false);
        }

        AnswersOncePerConnection(boolean answerEarly) throws IOException {
            this.answerEarly = answerEarly;
            Thread accepting = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket connection = socket.accept();
                        Thread serving = new Thread(() -> serve(connection));
                        serving.setDaemon(true);
                        serving.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            accepting.setDaemon(true);
            accepting.start();
        }

        private void serve(Socket connection) {
            try (connection) {
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
                for (int request = 1; ; request++) {
                    int length = 0;
                    String line = in.readLine();
                    if (line == null) {
                        return;
                    }
                    while (!(line = in.readLine()).isEmpty()) {
                        String[] header = line.split(":", 2);
                        if (header[0].equalsIgnoreCase("content-length")) {
                            length = Integer.parseInt(header[1].strip());
                        } else if (header[0].equalsIgnoreCase("webhook-id")) {
                            webhookIds.add(header[1].strip());
                        }
                    }
                    if (answerEarly) {
                        // every request answered as soon as its headers are in, then its body read
                        connection.getOutputStream().write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        connection.getOutputStream().flush();
                        in.skip(length);
                        continue;
                    }
                    in.skip(length);
                    if (request > 1) {
                        return; // closed without an answer
                    }
                    connection.getOutputStream().write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    connection.getOutputStream().flush();
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/hook";
        }

        List<String> webhookIds() {
            return webhookIds;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A receiver that answers 200 with a short body and notes the client port of every call. */
    private static final class ReceiverPorts {

        private final HttpServer server;
        private final List<Integer> calls = new CopyOnWriteArrayList<>();

        ReceiverPorts(String address) throws IOException {
            server = HttpServer.create(new InetSocketAddress(address, 0), 0);
            server.createContext("/hook", exchange -> {
                exchange.getRequestBody().readAllBytes();
                calls.add(exchange.getRemoteAddress().getPort());
                byte[] body = "{\"received\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        String url() {
            return "http://127.0.0.1:" + port() + "/hook";
        }

        List<Integer> calls() {
            return calls;
        }

        void stop() {
            server.stop(0);
        }
    }

    private String viaName(String path) {
        return "http://webhooks.alertwire.test:" + receiver.port() + path;
    }

    /** A DNS server under the test's control: the first answer, then another for every later lookup. */
    static final class CountingResolver extends WebhookResolver {

        private final List<InetAddress> first;
        private List<InetAddress> later;
        private final AtomicInteger lookups = new AtomicInteger();

        CountingResolver(String... addresses) {
            this.first = parse(addresses);
            this.later = first;
        }

        CountingResolver thenAnswer(String... addresses) {
            this.later = parse(addresses);
            return this;
        }

        int lookups() {
            return lookups.get();
        }

        @Override
        public List<InetAddress> resolve(String host) {
            return lookups.getAndIncrement() == 0 ? first : later;
        }

        private static List<InetAddress> parse(String... addresses) {
            return Arrays.stream(addresses).map(a -> {
                try {
                    return InetAddress.getByName(a);
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException(a, e);
                }
            }).toList();
        }
    }

    private static WebhookSender sender(boolean allowPrivate) {
        return sender(allowPrivate, Duration.ofSeconds(5));
    }

    private static WebhookSender sender(boolean allowPrivate, Duration timeout) {
        return sender(new WebhookResolver(), allowPrivate, List.of(), timeout);
    }

    private static WebhookSender sender(WebhookResolver resolver, boolean allowPrivate, List<AddressRange> allowed) {
        return sender(resolver, allowPrivate, allowed, Duration.ofSeconds(5));
    }

    private static WebhookSender sender(WebhookResolver resolver, boolean allowPrivate, List<AddressRange> allowed,
            Duration timeout) {
        WebhookConfig config = new WebhookConfig() {
            @Override
            public boolean allowPrivateAddresses() {
                return allowPrivate;
            }

            @Override
            public Optional<List<String>> allowedRanges() {
                return Optional.of(allowed.stream().map(AddressRange::toString).toList());
            }

            @Override
            public Duration timeout() {
                return timeout;
            }

            @Override
            public Duration secretOverlap() {
                return Duration.ofHours(24);
            }
        };
        return new WebhookSender(new WebhookAddressPolicy(config, resolver), JSON, config, vertx);
    }

    private static DeliveryTask task(String url) {
        AlertStory story = new AlertStory("story-1", "Summit agreed", "https://news.example/1", "Example News", "en",
                Instant.parse("2026-11-28T09:30:00Z"), "Seoul and Pyongyang agreed...", 0.9, List.of());
        return new DeliveryTask(UUID.randomUUID(), UUID.randomUUID(), "webhook", null, url, WebhookSigner.newSecret(),
                List.of(new AlertTopic("inter-korean-dialogue", "Inter-Korean dialogue")), story, Instant.now(), null, null);
    }
}
