package io.alertwire.fetch.robots;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How fetch-service obeys robots.txt. */
@ConfigMapping(prefix = "alertwire.fetch.robots")
public interface RobotsConfig {

    /** Consult each host's robots.txt before fetching a source from it. */
    @WithDefault("true")
    boolean enabled();

    /** The user-agent token robots.txt groups are matched against (case-insensitive). */
    @WithDefault("Alertwire")
    String agent();

    /** How long a host's robots.txt (or its absence, a 4xx) is trusted before it is fetched again. */
    @WithDefault("24h")
    Duration cacheTtl();

    /**
     * How long to wait before asking again when robots.txt could not be had (5xx, 429, timeout,
     * unreachable): meanwhile the host's sources are deferred, or read with the last good copy.
     */
    @WithDefault("10m")
    Duration retryUnavailableAfter();

    /** How many hosts' robots.txt are kept in memory; the least recently used are dropped beyond it. */
    @WithDefault("10000")
    int cacheSize();

    /** A longer {@code Crawl-delay} is cut to this, so one robots.txt cannot stall a source for hours. */
    @WithDefault("60s")
    Duration maxCrawlDelay();
}
