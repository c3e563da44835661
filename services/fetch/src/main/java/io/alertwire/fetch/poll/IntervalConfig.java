package io.alertwire.fetch.poll;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Bounds of the adaptive poll interval (see {@link AdaptiveInterval}). */
@ConfigMapping(prefix = "alertwire.fetch")
public interface IntervalConfig {

    /**
     * Shortest interval a busy source drifts down to. A source whose own {@code pollInterval} is
     * shorter keeps that as its minimum: the user asked for it.
     */
    @WithDefault("PT5M")
    Duration minPollInterval();

    /**
     * Longest interval a quiet source drifts up to. A source whose own {@code pollInterval} is
     * longer keeps that as its maximum.
     */
    @WithDefault("PT2H")
    Duration maxPollInterval();

    /**
     * Let the interval adapt to how often a source brings new articles; when false every source is
     * polled at its own {@code pollInterval}.
     */
    @WithDefault("true")
    boolean adaptivePollInterval();

    /**
     * Each next fetch is moved by a random amount up to this share of the interval, earlier or
     * later, so that sources added together do not stay in step and hit hosts in bursts.
     */
    @WithDefault("0.1")
    double pollJitter();
}
