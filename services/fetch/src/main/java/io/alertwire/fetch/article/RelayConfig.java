package io.alertwire.fetch.article;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox relay that publishes new articles to Kafka. */
@ConfigMapping(prefix = "alertwire.fetch")
public interface RelayConfig {

    /** How often the relay looks for unsent articles (it also runs right after a poll found some). */
    @WithDefault("1s")
    Duration relayTick();

    /** How many unsent articles one relay transaction claims and sends. */
    @WithDefault("100")
    int relayBatchSize();

    /**
     * How long the relay waits for the broker to acknowledge a batch; rows not acknowledged by then
     * stay unsent and are sent again on a later run.
     */
    @WithDefault("30s")
    Duration relayAckTimeout();
}
