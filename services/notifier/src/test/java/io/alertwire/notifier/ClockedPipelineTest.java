package io.alertwire.notifier;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.alertwire.notifier.digest.DigestClock;
import io.alertwire.notifier.digest.MovableClock;
import io.quarkus.test.junit.QuarkusMock;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the tests of time-dependent deliveries share: a Kafka companion to produce matches, a real
 * webhook receiver on loopback, and a clock the test moves (installed as the notifier's
 * {@link DigestClock}), all fresh for each test.
 */
public abstract class ClockedPipelineTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String bootstrapServers;

    protected KafkaCompanion kafka;
    protected WireMockServer receiver;
    protected MovableClock clock;

    @BeforeEach
    void startReceiverAndClock() {
        kafka = new KafkaCompanion(bootstrapServers);
        receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
        clock = new MovableClock();
        QuarkusMock.installMockForType(clock, DigestClock.class);
    }

    @AfterEach
    void stopReceiver() {
        kafka.close();
        receiver.stop();
    }
}
