package io.alertwire.fetch.robots;

import crawlercommons.robots.BaseRobotRules;
import java.time.Instant;

/**
 * What one host's robots.txt said, as last asked: its rules, or why it could not be had.
 *
 * @param rules the parsed rules (allow-all for a 4xx), or null when robots.txt was unavailable
 * @param unavailable why robots.txt could not be had (5xx, 429, timeout, ...), or null
 * @param expires when to ask the host again
 */
record HostRobots(BaseRobotRules rules, String unavailable, Instant expires) {

    boolean isExpired(Instant now) {
        return !now.isBefore(expires);
    }
}
