package io.alertwire.fetch.poll;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Fetches in flight per host, and when a host may be fetched next ({@code Crawl-delay}). Only
 * hosts with a fetch in flight or a gap still running are remembered, so it stays small.
 */
final class HostSlots {

    private final int perHost;
    private final Map<String, Host> hosts = new HashMap<>();

    HostSlots(int perHost) {
        this.perHost = Math.max(1, perHost);
    }

    /** The host a URL is fetched from, as the limit counts it: host name and port. */
    static String of(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return host + ":" + url.getPort();
    }

    /** Takes a slot when the host is below its limit and not within a crawl delay. */
    synchronized boolean tryAcquire(String host, Instant now) {
        Host state = hosts.computeIfAbsent(host, key -> new Host());
        if (state.inFlight >= perHost || now.isBefore(state.notBefore)) {
            return false;
        }
        state.inFlight++;
        return true;
    }

    synchronized void release(String host, Instant now) {
        Host state = hosts.get(host);
        if (state == null) {
            return;
        }
        state.inFlight--;
        if (state.inFlight <= 0 && !now.isBefore(state.notBefore)) {
            hosts.remove(host);
        }
    }

    /**
     * Claims the turn of a host that asks for {@code gap} between fetches: null when this fetch may
     * start now (the next one then waits {@code gap}), else when it may.
     */
    synchronized Instant takeTurn(String host, Duration gap, Instant now) {
        if (gap.isZero()) {
            return null;
        }
        Host state = hosts.computeIfAbsent(host, key -> new Host());
        if (now.isBefore(state.lastTurn.plus(gap))) {
            return state.lastTurn.plus(gap);
        }
        state.lastTurn = now;
        state.notBefore = now.plus(gap);
        return null;
    }

    private static final class Host {
        int inFlight;
        Instant notBefore = Instant.MIN;
        Instant lastTurn = Instant.MIN;
    }
}
