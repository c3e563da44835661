package io.alertwire.fetch.robots;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * The robots.txt of recently fetched hosts, least recently used dropped beyond a size. Sources of
 * one host polled at the same moment share one robots.txt request: the first installs a pending
 * entry, the others wait for it.
 */
final class RobotsCache {

    private final int maxHosts;
    private final Map<String, CompletableFuture<HostRobots>> hosts;

    RobotsCache(int maxHosts) {
        this.maxHosts = maxHosts;
        this.hosts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<HostRobots>> eldest) {
                return size() > RobotsCache.this.maxHosts;
            }
        };
    }

    /**
     * The host's robots, loaded when absent or expired; {@code loader} gets the host and the
     * expired entry (or null) and runs on the calling thread, outside the lock.
     */
    HostRobots get(String host, Instant now, BiFunction<String, HostRobots, HostRobots> loader) {
        CompletableFuture<HostRobots> mine = new CompletableFuture<>();
        CompletableFuture<HostRobots> current;
        HostRobots previous = null;
        synchronized (hosts) {
            current = hosts.get(host);
            if (current != null && current.isDone()) {
                HostRobots known = current.join();
                if (known.isExpired(now)) {
                    previous = known;
                    current = null;
                }
            }
            if (current == null) {
                hosts.put(host, mine);
            }
        }
        if (current != null) {
            return current.join(); // loaded, or being loaded by another fetch of the same host
        }
        try {
            HostRobots loaded = loader.apply(host, previous);
            mine.complete(loaded);
            return loaded;
        } catch (RuntimeException e) {
            synchronized (hosts) {
                hosts.remove(host, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
