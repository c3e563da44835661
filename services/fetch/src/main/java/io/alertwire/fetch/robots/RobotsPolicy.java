package io.alertwire.fetch.robots;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.alertwire.fetch.poll.FeedFetcher;
import io.alertwire.fetch.poll.FetchResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Answers whether a feed may be fetched, by its host's robots.txt, fetched with the feed fetcher's
 * limits and address policy and cached per origin. See the package docs for what each answer of
 * the host means.
 */
@ApplicationScoped
public class RobotsPolicy {

    private static final Logger LOG = Logger.getLogger(RobotsPolicy.class);

    private final RobotsConfig config;
    private final FeedFetcher fetcher;
    private final RobotsCache cache;

    public RobotsPolicy(RobotsConfig config, FeedFetcher fetcher) {
        this.config = config;
        this.fetcher = fetcher;
        this.cache = new RobotsCache(config.cacheSize());
    }

    /** Never throws: robots.txt that cannot be had is a {@link RobotsVerdict.Denied} with a reason. */
    public RobotsVerdict check(URI url) {
        if (!config.enabled()) {
            return new RobotsVerdict.Allowed(Duration.ZERO);
        }
        String origin = url.getScheme().toLowerCase(Locale.ROOT) + "://" + authority(url);
        HostRobots robots = cache.get(origin, Instant.now(), (host, previous) -> load(host, previous));
        if (robots.rules() == null) {
            return new RobotsVerdict.Denied("robots.txt of " + authority(url) + " unavailable ("
                    + robots.unavailable() + "); fetching deferred");
        }
        if (!robots.rules().isAllowed(url.toString())) {
            return new RobotsVerdict.Denied("disallowed by robots.txt of " + authority(url));
        }
        return new RobotsVerdict.Allowed(crawlDelay(robots.rules()));
    }

    private HostRobots load(String origin, HostRobots previous) {
        URI robotsTxt = URI.create(origin + "/robots.txt");
        FetchResult result = fetcher.fetch(robotsTxt, "text/plain, */*;q=0.5");
        Instant now = Instant.now();
        Instant fresh = now.plus(config.cacheTtl());
        if (result instanceof FetchResult.Fetched fetched) {
            BaseRobotRules rules = new SimpleRobotRulesParser(Long.MAX_VALUE, 5).parseContent(robotsTxt.toString(),
                    fetched.body(), fetched.contentType(), List.of(config.agent().toLowerCase(Locale.ROOT)));
            LOG.infof("robots.txt read: origin=%s allowAll=%s allowNone=%s crawlDelayMs=%d", origin,
                    rules.isAllowAll(), rules.isAllowNone(), Math.max(0, rules.getCrawlDelay()));
            return new HostRobots(rules, null, fresh);
        }
        if (result instanceof FetchResult.NotModified) {
            return new HostRobots(allowAll(), null, fresh); // never asked conditionally; be lenient
        }
        FetchResult.Failed failed = (FetchResult.Failed) result;
        Integer status = failed.status();
        // Google's convention (RFC 9309 §2.3.1.3, §2.3.1.4): a 4xx means there are no rules, except
        // 429 which, like a 5xx or no answer at all, means "do not crawl now"
        if (status != null && status >= 400 && status < 500 && status != 429) {
            LOG.debugf("robots.txt absent: origin=%s status=%d", origin, status);
            return new HostRobots(allowAll(), null, fresh);
        }
        Instant retry = now.plus(config.retryUnavailableAfter());
        if (previous != null && previous.rules() != null) {
            LOG.infof("robots.txt unavailable, last copy kept: origin=%s reason=%s", origin, failed.reason());
            return new HostRobots(previous.rules(), null, retry);
        }
        LOG.infof("robots.txt unavailable, host deferred: origin=%s reason=%s", origin, failed.reason());
        return new HostRobots(null, failed.reason(), retry);
    }

    private Duration crawlDelay(BaseRobotRules rules) {
        long millis = rules.getCrawlDelay();
        if (millis <= 0) {
            return Duration.ZERO;
        }
        Duration asked = Duration.ofMillis(millis);
        return asked.compareTo(config.maxCrawlDelay()) > 0 ? config.maxCrawlDelay() : asked;
    }

    private static SimpleRobotRules allowAll() {
        return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
    }

    /** Host and, when not the scheme's default, port: "example.com", "localhost:8089". */
    private static String authority(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return url.getPort() == -1 ? host : host + ":" + url.getPort();
    }
}
