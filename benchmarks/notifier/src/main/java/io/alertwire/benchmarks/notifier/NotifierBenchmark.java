package io.alertwire.benchmarks.notifier;

import io.alertwire.events.EventJson;
import io.alertwire.events.EventTopics;
import io.alertwire.events.MatchEvent;
import io.alertwire.local.AdminApi;
import io.alertwire.local.MailText;
import io.alertwire.local.NotifierStack;
import io.alertwire.local.ServiceProcess;
import io.alertwire.local.SmtpSink;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The notifier under load, as one command (see docs/benchmarks.md, "Notifier"): starts the
 * packaged notifier with an embedded PostgreSQL, an in-JVM Kafka broker, the local SMTP sink and a
 * loopback webhook receiver, subscribes, produces match events, and measures per round:
 * <ol>
 *   <li>webhook deliveries per second: a burst of matches for a topic with many webhook
 *       subscriptions, counted at the receiver from its first call to its last;</li>
 *   <li>emails per second: the same with confirmed email subscriptions, counted at the SMTP sink;</li>
 *   <li>match-to-delivery latency at a steady rate: matches produced at a fixed rate for one
 *       webhook subscription, each call's arrival minus its match's produce time (p50, p99), with
 *       the notifier's RSS sampled meanwhile.</li>
 * </ol>
 * Then it prints each round and the medians. Settings, as system properties: {@code rounds} (3),
 * {@code webhookSubscriptions} (20), {@code webhookMatches} (1000), {@code emailSubscriptions} (10),
 * {@code emailMatches} (300), {@code steadyRate} (100 matches/s), {@code steadySeconds} (30),
 * {@code gatherWindow} (the notifier's, 0s here: see docs/benchmarks.md).
 */
public final class NotifierBenchmark {

    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(5);

    private final NotifierStack stack;
    private final ServiceProcess notifier;
    private final WebhookReceiver receiver;
    private final AdminApi api;
    private final KafkaProducer<String, String> producer;
    private long sequence;

    private NotifierBenchmark(NotifierStack stack, ServiceProcess notifier, WebhookReceiver receiver,
            KafkaProducer<String, String> producer) {
        this.stack = stack;
        this.notifier = notifier;
        this.receiver = receiver;
        this.api = new AdminApi(stack.adminToken());
        this.producer = producer;
    }

    /** One round's figures. */
    record Round(double webhooksPerSecond, double emailsPerSecond, long p50Millis, long p99Millis, long maxMillis,
            long medianRssMib, long maxRssMib) {
    }

    public static void main(String[] args) throws Exception {
        // the sink would log every one of the thousands of mails
        System.setProperty("org.slf4j.simpleLogger.log.io.alertwire.local.SmtpSink", "warn");
        int rounds = Integer.getInteger("rounds", 3);
        String gatherWindow = System.getProperty("gatherWindow", "0s");
        String javaOptions = System.getProperty("serviceJavaOpts", "-XX:+UseSerialGC -Xmx512m");
        try (NotifierStack stack = NotifierStack.start(Files.createTempDirectory("alertwire-notifier-bench-"), javaOptions,
                Map.of("ALERTWIRE_NOTIFIER_GATHER_WINDOW", gatherWindow,
                        "ALERTWIRE_NOTIFIER_CONFIRMATION_TICK", "1s",
                        // the benchmark measures raw delivery: no subscriber's rate limit may hold alerts back
                        "ALERTWIRE_NOTIFIER_RATE_LIMIT", String.valueOf(Integer.MAX_VALUE),
                        // load generators on one machine: no need for a log line per delivery
                        "QUARKUS_LOG_CATEGORY__IO_ALERTWIRE_NOTIFIER_DELIVERY__LEVEL", "WARN",
                        "QUARKUS_LOG_CATEGORY__IO_ALERTWIRE_NOTIFIER_MATCH__LEVEL", "WARN"));
                WebhookReceiver receiver = new WebhookReceiver();
                KafkaProducer<String, String> producer = producer(stack.bootstrapServers())) {
            ServiceProcess notifier = stack.startNotifier(Map.of());
            System.out.printf("notifier pid %d, JVM options %s, gather window %s%n", notifier.pid(), javaOptions,
                    gatherWindow);
            new NotifierBenchmark(stack, notifier, receiver, producer).run(rounds);
        }
    }

    private void run(int rounds) throws Exception {
        int webhookSubscriptions = Integer.getInteger("webhookSubscriptions", 20);
        int webhookMatches = Integer.getInteger("webhookMatches", 1000);
        int emailSubscriptions = Integer.getInteger("emailSubscriptions", 10);
        int emailMatches = Integer.getInteger("emailMatches", 300);
        int steadyRate = Integer.getInteger("steadyRate", 100);
        int steadySeconds = Integer.getInteger("steadySeconds", 30);

        String base = notifier.baseUrl();
        for (int i = 0; i < webhookSubscriptions; i++) {
            subscribe(base, "bench-webhooks", Map.of("type", "webhook", "url", receiver.url("burst-" + i)));
        }
        for (int i = 0; i < emailSubscriptions; i++) {
            String address = "reader-" + i + "@bench.test";
            subscribe(base, "bench-emails", Map.of("type", "email", "address", address));
            SmtpSink.ReceivedMail confirmation = stack.smtp().await(m -> m.recipient().equalsIgnoreCase(address)
                    && MailText.confirmLink(m.text()).isPresent(), Duration.ofSeconds(60))
                    .orElseThrow(() -> new IllegalStateException("no confirmation mail for " + address));
            api.open(MailText.confirmLink(confirmation.text()).orElseThrow()).requireSuccess("confirming " + address);
        }
        subscribe(base, "bench-steady", Map.of("type", "webhook", "url", receiver.url("steady")));

        List<Round> results = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            double webhooks = burstOfWebhooks("bench-webhooks", webhookMatches, (long) webhookMatches * webhookSubscriptions);
            double emails = burstOfEmails("bench-emails", emailMatches, (long) emailMatches * emailSubscriptions);
            Round round = steady("bench-steady", steadyRate, steadySeconds, webhooks, emails);
            results.add(round);
            System.out.printf("round %d: %.0f webhooks/s, %.0f emails/s, at %d matches/s latency p50 %d ms p99 %d ms"
                    + " max %d ms, RSS median %d MiB max %d MiB%n", r, round.webhooksPerSecond(),
                    round.emailsPerSecond(), steadyRate, round.p50Millis(), round.p99Millis(), round.maxMillis(),
                    round.medianRssMib(), round.maxRssMib());
        }
        System.out.printf("%nmedians of %d rounds (%d webhook subscriptions x %d matches, %d email subscriptions x %d"
                + " matches, %d matches/s for %d s):%n", rounds, webhookSubscriptions, webhookMatches, emailSubscriptions,
                emailMatches, steadyRate, steadySeconds);
        System.out.printf("  webhook deliveries/s  %.0f (target >= 2000)%n", median(results, Round::webhooksPerSecond));
        System.out.printf("  emails/s              %.0f (target >= 300)%n", median(results, Round::emailsPerSecond));
        System.out.printf("  latency p50           %.0f ms%n", median(results, r -> r.p50Millis()));
        System.out.printf("  latency p99           %.0f ms (target <= 200)%n", median(results, r -> r.p99Millis()));
        System.out.printf("  notifier RSS          median %.0f MiB, max %.0f MiB%n", median(results, r -> r.medianRssMib()),
                median(results, r -> r.maxRssMib()));
    }

    private void subscribe(String base, String topic, Map<String, String> channel) {
        api.post(base + "/api/subscriptions", Map.of("topics", List.of(topic), "channel", channel, "mode", "instant"))
                .requireSuccess("subscribing to " + topic);
    }

    /** Produces {@code matches} at once; returns deliveries per second at the receiver, first call to last. */
    private double burstOfWebhooks(String topic, int matches, long expected) throws InterruptedException {
        receiver.reset();
        for (int i = 0; i < matches; i++) {
            send(topic, "burst");
        }
        producer.flush();
        awaitCount(receiver::calls, expected, "webhook calls");
        return expected * 1000.0 / Math.max(1, receiver.lastAt() - receiver.firstAt());
    }

    /** Produces {@code matches} at once; returns mails per second at the sink, first mail to last. */
    private double burstOfEmails(String topic, int matches, long expected) throws InterruptedException {
        long before = stack.smtp().count();
        for (int i = 0; i < matches; i++) {
            send(topic, "mail");
        }
        producer.flush();
        long first = 0;
        Instant deadline = Instant.now().plus(PHASE_TIMEOUT);
        while (stack.smtp().count() - before < expected) {
            if (first == 0 && stack.smtp().count() > before) {
                first = System.currentTimeMillis();
            }
            check(deadline, "mails", stack.smtp().count() - before, expected);
            LockSupport.parkNanos(2_000_000);
        }
        long last = System.currentTimeMillis();
        return expected * 1000.0 / Math.max(1, last - first);
    }

    /** Produces {@code rate} matches a second for {@code seconds}, sampling the notifier's RSS. */
    private Round steady(String topic, int rate, int seconds, double webhooks, double emails) throws InterruptedException {
        receiver.reset();
        List<Long> rss = new ArrayList<>();
        long total = (long) rate * seconds;
        long start = System.nanoTime();
        long nextSample = start;
        for (long i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / rate;
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            send(topic, "steady");
            if (System.nanoTime() >= nextSample) {
                rss.add(Rss.mebibytes(notifier.pid()));
                nextSample += 1_000_000_000L;
            }
        }
        producer.flush();
        awaitCount(receiver::calls, total, "steady webhook calls");
        long[] latencies = receiver.latenciesMillis();
        long[] memory = rss.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Round(webhooks, emails, percentile(latencies, 0.50), percentile(latencies, 0.99),
                latencies[latencies.length - 1], memory[memory.length / 2], memory[memory.length - 1]);
    }

    /** One match with a fresh story, whose id carries the produce time (for the receiver's latency). */
    private void send(String topic, String phase) {
        long now = System.currentTimeMillis();
        String story = "bench-" + phase + "-" + (++sequence) + "-" + now;
        MatchEvent match = new MatchEvent("match-" + story, "article-" + story, story, topic, topic, 0.9,
                List.of("talks"), "Benchmark story " + sequence, "https://news.example/" + story, "Bench Wire", "en",
                Instant.now(), "Seoul and Pyongyang agreed to hold talks, officials said.", 0, List.of());
        producer.send(new ProducerRecord<>(EventTopics.MATCHES, null, now, story, EventJson.write(match)));
    }

    private static void awaitCount(LongSupplier count, long expected, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PHASE_TIMEOUT);
        while (count.getAsLong() < expected) {
            check(deadline, what, count.getAsLong(), expected);
            Thread.sleep(2);
        }
    }

    private static void check(Instant deadline, String what, long got, long expected) {
        if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException("only " + got + " of " + expected + " " + what + " after " + PHASE_TIMEOUT);
        }
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> figure) {
        double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        return new KafkaProducer<>(config);
    }
}
