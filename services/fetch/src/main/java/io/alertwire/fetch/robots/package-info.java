/**
 * robots.txt: whether a source may be fetched, asked of its host before every fetch.
 *
 * <p>Each origin's (scheme, host, port) {@code /robots.txt} is fetched by the same fetcher as the
 * feeds (size and time limits, address policy, redirects) and parsed by crawler-commons for the
 * user-agent token {@code alertwire.fetch.robots.agent} ("Alertwire", falling back to the
 * {@code *} group). The answer is kept in memory per origin ({@code cache-ttl}, 24 h; at most
 * {@code cache-size} origins, least recently used dropped), and sources of one host polled at the
 * same moment share one request. What the host answers means, following Google and RFC 9309:
 * <ul>
 * <li>2xx: the rules; a source whose URL they disallow fails with "disallowed by robots.txt of
 * example.com" and is retried with the usual back-off, so lifting the rule lifts the failure
 * within a day;</li>
 * <li>4xx (404, 401, 403, 410...) except 429: there are no rules, everything is allowed;</li>
 * <li>5xx, 429, a timeout, an unreachable or refused host, a redirect loop: the host is treated as
 * disallowing everything for now ("robots.txt of example.com unavailable (HTTP 503); fetching
 * deferred"), asked again after {@code retry-unavailable-after} (10 min); when an earlier copy of
 * its robots.txt was read, that copy is used instead.</li>
 * </ul>
 * {@code Crawl-delay}, when the group has one, becomes a minimum gap between two fetches to the
 * host (see the poller), cut to {@code max-crawl-delay}. Redirect targets on another host are not
 * checked against that host's robots.txt.
 */
package io.alertwire.fetch.robots;
