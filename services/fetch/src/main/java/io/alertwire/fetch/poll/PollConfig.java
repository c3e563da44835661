package io.alertwire.fetch.poll;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the poller claims and fetches sources. */
@ConfigMapping(prefix = "alertwire.fetch")
public interface PollConfig {

    /**
     * How often the poller looks for due sources when it is not already working through a backlog:
     * at most this long passes between a source falling due and its fetch (one cheap indexed query
     * per tick and replica, four a second by default). A source whose host is busy is handed back
     * due one tick later, so the tick also bounds how long it waits for its host.
     */
    @WithDefault("250ms")
    Duration tick();

    /** At most this many sources are claimed at once (per replica), and never more than the workers can take. */
    @WithDefault("32")
    int batchSize();

    /**
     * How many sources are fetched at the same time (per replica). A fetch mostly waits for the
     * network, so workers are many: 32 keep up with 10,000 sources polled every 5 minutes at half a
     * second per fetch. Each fetch in flight may hold up to max-response-bytes of body.
     */
    @WithDefault("32")
    int concurrency();

    /**
     * At most this many fetches to one host (host name and port) at the same time (per replica). A
     * due source whose host is at the limit is handed back and taken at a later tick, so a slow host
     * with many sources holds at most this many workers and never delays other hosts.
     */
    @WithDefault("2")
    int perHostConcurrency();

    /**
     * How long a claimed source is reserved for the replica that claimed it. Must exceed the longest
     * fetch (request timeout and parsing); a replica that dies mid-fetch delays its sources by this.
     */
    @WithDefault("2m")
    Duration lease();

    /** Time allowed to open a connection. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** Time allowed for a whole request, headers and body, redirects included. */
    @WithDefault("30s")
    Duration requestTimeout();

    /**
     * Largest response body accepted, counted after decompression (guards against gzip bombs and
     * endless bodies). 16 MiB: the full-content feeds of big publishers reach 10 MB, and a feed
     * that large must still be read; beyond it a document is refused with "response larger than
     * 16 MiB". Each fetch in flight may hold this much (and its parsed form) in memory.
     */
    @WithDefault("16777216")
    long maxResponseBytes();

    /** Redirects followed per fetch. */
    @WithDefault("5")
    int maxRedirects();

    /** The User-Agent header sent to feed servers. */
    @WithDefault("Alertwire/0.1 (+https://alertwire.io)")
    String userAgent();
}
