package io.alertwire.fetch.websub;

import io.alertwire.fetch.feed.HubLinks;
import io.alertwire.fetch.source.Source;
import io.alertwire.fetch.source.SourceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The state of WebSub subscriptions: discovery, verification, failures and leases. See the package docs. */
@ApplicationScoped
@Transactional
public class WebSubService {

    private static final Logger LOG = Logger.getLogger(WebSubService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebSubSubscriptionRepository subscriptions;
    private final SourceRepository sources;
    private final WebSubConfig config;

    public WebSubService(WebSubSubscriptionRepository subscriptions, SourceRepository sources, WebSubConfig config) {
        this.subscriptions = subscriptions;
        this.sources = sources;
        this.config = config;
    }

    /** Whether the service can be called back by hubs at all (a public base URL is configured). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean enabled() {
        return config.publicBaseUrl().filter(url -> !url.isBlank()).isPresent();
    }

    /** The callback URL of a source's subscription. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String callback(long sourceId) {
        String base = config.publicBaseUrl().orElseThrow().strip();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/websub/" + sourceId;
    }

    /**
     * Takes note of the hubs a fetched feed names: a new hub or topic becomes a subscription to ask
     * for (with a new secret); a feed that names no hub any more loses its subscription. The hub's
     * topic is the feed's self URL, else the URL it was fetched from.
     */
    public void discovered(long sourceId, URI feedUrl, HubLinks links) {
        if (!enabled()) {
            return;
        }
        Optional<String> hub = links.hubs().stream().map(h -> absoluteHttp(h, feedUrl)).flatMap(Optional::stream)
                .findFirst();
        Optional<WebSubSubscription> existing = subscriptions.findByIdOptional(sourceId);
        if (hub.isEmpty()) {
            existing.ifPresent(gone -> {
                subscriptions.delete(gone);
                LOG.infof("WebSub hub no longer named by the feed; subscription dropped: sourceId=%d", sourceId);
            });
            return;
        }
        String topic = Optional.ofNullable(links.self()).flatMap(self -> absoluteHttp(self, feedUrl))
                .orElse(feedUrl.toString());
        if (existing.isPresent()) {
            WebSubSubscription current = existing.get();
            if (current.getHubUrl().equals(hub.get()) && current.getTopicUrl().equals(topic)) {
                return; // the renewal job keeps it going
            }
            subscriptions.delete(current);
            subscriptions.flush();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        subscriptions.persist(new WebSubSubscription(sourceId, hub.get(), topic, newSecret(), now));
        LOG.infof("WebSub hub discovered: sourceId=%d hub=%s topic=%s", sourceId, hub.get(), topic);
    }

    /**
     * What the renewal job needs to ask the hub, or empty when there is nothing to ask: the
     * subscription is gone, or the hub accepted the last request but never verified it within
     * {@code verify-timeout} (then it counts as failed and is asked again after {@code retry-after}).
     */
    public Optional<Request> request(long sourceId, Instant now) {
        Optional<WebSubSubscription> found = subscriptions.findByIdOptional(sourceId);
        if (found.isPresent() && found.get().neverVerified(now)) {
            found.get().failed(SubscriptionState.FAILED, "the hub did not verify the subscription within "
                    + config.verifyTimeout().toMinutes() + " min", now.plus(config.retryAfter()), now);
            LOG.infof("WebSub subscription never verified, polling instead: sourceId=%d", sourceId);
            return Optional.empty();
        }
        return found.map(s -> new Request(sourceId, URI.create(s.getHubUrl()), s.getTopicUrl(), callback(sourceId),
                s.getSecret(), config.leaseDuration()));
    }

    /** A subscription request to send; holds the secret, so it is never logged as a whole. */
    public record Request(long sourceId, URI hub, String topic, String callback, String secret, Duration lease) {

        @Override
        public String toString() {
            return "Request[sourceId=" + sourceId + ", hub=" + hub + ", topic=" + topic + "]";
        }
    }

    /** The hub accepted the request; it has {@code verify-timeout} to verify it. */
    public void requested(long sourceId, Instant now) {
        subscriptions.findByIdOptional(sourceId).ifPresent(s -> {
            if (s.getState() == SubscriptionState.ACTIVE && !s.carriesNews(now)) {
                lapse(s, now); // the renewal came too late for this lease
            }
            s.requested(now, now.plus(config.verifyTimeout()));
        });
    }

    /** The hub refused or failed the request: polling carries the source, the hub is asked again later. */
    public void requestFailed(long sourceId, String reason, Instant now) {
        subscriptions.findByIdOptional(sourceId).ifPresent(s -> {
            s.failed(SubscriptionState.FAILED, reason, now.plus(config.retryAfter()), now);
            pollAgain(s, now);
            LOG.infof("WebSub subscription failed, polling instead: sourceId=%d reason=%s", sourceId, reason);
        });
    }

    /**
     * A hub's verification of intent ({@code GET /websub/{sourceId}}): for {@code subscribe}, the
     * challenge to echo when the topic is that of a subscription we asked for, else empty (404); for
     * {@code denied}, the refusal is recorded (polling continues) and an empty body answered.
     */
    public Optional<String> verify(long sourceId, String mode, String topic, String challenge, Long leaseSeconds,
            String reason) {
        Optional<WebSubSubscription> found = subscriptions.findByIdOptional(sourceId);
        if (found.isEmpty() || mode == null || topic == null || !found.get().getTopicUrl().equals(topic)) {
            return Optional.empty();
        }
        WebSubSubscription subscription = found.get();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        switch (mode.toLowerCase(Locale.ROOT)) {
            case "subscribe" -> {
                if (challenge == null || challenge.isEmpty() || !subscription.awaitsVerification(topic)) {
                    return Optional.empty();
                }
                long requested = config.leaseDuration().toSeconds();
                int lease = (int) Math.max(1, Math.min(leaseSeconds == null ? requested : leaseSeconds, Integer.MAX_VALUE));
                Duration renewBefore = config.renewBefore().compareTo(Duration.ofSeconds(lease / 2)) < 0
                        ? config.renewBefore() : Duration.ofSeconds(lease / 2);
                subscription.verified(now, lease, now.plusSeconds(lease).minus(renewBefore));
                LOG.infof("WebSub subscription verified: sourceId=%d hub=%s leaseSeconds=%d", sourceId,
                        subscription.getHubUrl(), lease);
                return Optional.of(challenge);
            }
            case "denied" -> {
                String why = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
                subscription.denied(shorten("denied by the hub: " + why), now.plus(config.retryAfter()));
                pollAgain(subscription, now);
                LOG.infof("WebSub subscription denied, polling instead: sourceId=%d", sourceId);
                return Optional.of("");
            }
            default -> {
                // unsubscribe: the service never asks for it, so it is not ours to confirm
                return Optional.empty();
            }
        }
    }

    /** Marks leases that ran out without a renewal; their sources are polled again at once. */
    public int expireLapsed(Instant now) {
        List<WebSubSubscription> lapsed = subscriptions.lapsed(now);
        lapsed.forEach(subscription -> lapse(subscription, now));
        return lapsed.size();
    }

    private void lapse(WebSubSubscription subscription, Instant now) {
        subscription.expired(now);
        pollAgain(subscription, now);
        LOG.infof("WebSub lease ended, polling instead: sourceId=%d", subscription.getSourceId());
    }

    /**
     * The earliest next poll of a source whose news a hub pushes (the safety-net interval), or null
     * when nothing is pushed and the source is polled normally. Joins the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Instant pollNotBefore(long sourceId, Instant now) {
        return pollNotBefore(Map.of(sourceId, now)).get(sourceId);
    }

    /**
     * {@link #pollNotBefore(long, Instant)} for a batch of sources, in one query.
     *
     * @param fetchedAt source id to the time of its fetch
     * @return source id to its earliest next poll, for the sources whose news a hub pushes
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, Instant> pollNotBefore(Map<Long, Instant> fetchedAt) {
        if (fetchedAt.isEmpty()) {
            return Map.of();
        }
        Map<Long, Instant> notBefore = new HashMap<>();
        for (WebSubSubscription subscription : subscriptions.list("sourceId in ?1", fetchedAt.keySet())) {
            Instant now = fetchedAt.get(subscription.getSourceId());
            if (subscription.carriesNews(now)) {
                notBefore.put(subscription.getSourceId(), now.plus(config.pollIntervalWhileSubscribed()));
            }
        }
        return notBefore;
    }

    /** What a push to a source needs: its name, topic and secret; empty if it has no subscription. */
    public Optional<PushTarget> pushTarget(long sourceId) {
        return subscriptions.findByIdOptional(sourceId).flatMap(subscription -> {
            Source source = sources.findById(sourceId);
            return source == null ? Optional.empty() : Optional.of(new PushTarget(sourceId, source.getName(),
                    URI.create(subscription.getTopicUrl()), subscription.getSecret(), source.isEnabled()));
        });
    }

    /** Where pushed content goes; holds the secret, so it is never logged as a whole. */
    public record PushTarget(long sourceId, String sourceName, URI topic, String secret, boolean enabled) {

        @Override
        public String toString() {
            return "PushTarget[sourceId=" + sourceId + ", topic=" + topic + "]";
        }
    }

    public void pushed(long sourceId, Instant now) {
        subscriptions.findByIdOptional(sourceId).ifPresent(subscription -> subscription.pushed(now));
    }

    /** The subscription of a source as the API shows it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WebSubView> view(long sourceId) {
        return subscriptions.findByIdOptional(sourceId).map(WebSubView::of);
    }

    /** A source that relied on pushes is polled at its next interval from now at the latest. */
    private void pollAgain(WebSubSubscription subscription, Instant now) {
        Source source = sources.findById(subscription.getSourceId());
        if (source != null) {
            source.dueBy(now);
        }
    }

    private static Optional<String> absoluteHttp(String link, URI base) {
        try {
            URI uri = base.resolve(link.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
            return web && uri.toString().length() <= 2048 ? Optional.of(uri.toString()) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A hub's reason is outside text: one line, bounded. */
    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
