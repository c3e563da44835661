package io.alertwire.notifier.subscription;

import io.alertwire.events.TopicSlug;
import io.alertwire.notifier.digest.DigestSchedule;
import io.alertwire.notifier.problem.ProblemException;
import io.alertwire.notifier.webhook.WebhookAddressPolicy;
import io.alertwire.notifier.webhook.WebhookSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Creates and reads subscriptions; checks the rules that Bean Validation cannot express. Later
 * changes are {@link SubscriptionLifecycle}'s.
 */
@ApplicationScoped
@Transactional
public class SubscriptionService {

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);

    private final SubscriptionRepository subscriptions;
    private final WebhookAddressPolicy addressPolicy;

    public SubscriptionService(SubscriptionRepository subscriptions, WebhookAddressPolicy addressPolicy) {
        this.subscriptions = subscriptions;
        this.addressPolicy = addressPolicy;
    }

    public SubscriptionResponse create(SubscriptionRequest request) {
        List<String> topics = slugs(request.topics());
        Schedule schedule = Schedule.of(request.mode(), request.digestAt(), request.timezone());
        String timezone = schedule.timezone();
        LocalTime digestAt = schedule.digestAt();
        double minScore = request.minScore() == null ? 0 : request.minScore();
        List<String> languages = request.languages() == null ? List.of() : languages(request.languages());

        SubscriptionRequest.Channel channel = request.channel();
        if (Subscription.EMAIL.equals(channel.type())) {
            if (channel.address() == null || channel.address().isBlank()) {
                throw badRequest("channel.address: an email channel needs an address");
            }
            Subscription s = Subscription.email(channel.address().trim(), topics, request.mode(), digestAt, timezone,
                    minScore, languages);
            s.setContactEmail(contact(request));
            subscriptions.persist(s);
            LOG.infof("Subscription %s created: email to %s, topics %s, pending confirmation", s.getId(),
                    maskEmail(s.getEmailAddress()), topics);
            return SubscriptionResponse.of(s);
        }
        URI url = webhookUrl(channel.url());
        addressPolicy.check(url).ifPresent(reason -> {
            throw badRequest("channel.url: " + reason);
        });
        String secret = WebhookSigner.newSecret();
        Subscription s = Subscription.webhook(url.toString(), secret, topics, request.mode(), digestAt, timezone,
                minScore, languages);
        s.setContactEmail(contact(request));
        subscriptions.persist(s);
        LOG.infof("Subscription %s created: webhook to host %s, topics %s", s.getId(), url.getHost(), topics);
        return SubscriptionResponse.withSecret(s, secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubscriptionResponse> list() {
        return subscriptions.listNewestFirst().stream().map(SubscriptionResponse::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SubscriptionResponse get(UUID id) {
        return SubscriptionResponse.of(require(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Subscription require(UUID id) {
        return subscriptions.findByIdOptional(id).orElseThrow(
                () -> new ProblemException(Response.Status.NOT_FOUND, "No subscription with id " + id));
    }

    private static String contact(SubscriptionRequest request) {
        return request.contactEmail() == null || request.contactEmail().isBlank() ? null
                : request.contactEmail().strip();
    }

    /** For logs: the domain and the first letter of the local part, never the whole address. */
    public static String maskEmail(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 1 ? "***" : address.charAt(0) + "***" + address.substring(at);
    }

    /** Languages as stored: lower case, each once. */
    static List<String> languages(List<String> languages) {
        return languages.stream().map(l -> l.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    /** Topics as stored: their slugs, each once. */
    static List<String> slugs(List<String> topics) {
        Set<String> slugs = new LinkedHashSet<>();
        for (String topic : topics) {
            String slug = TopicSlug.of(topic);
            if (slug.isEmpty()) {
                throw badRequest("topics: '" + topic + "' holds no letter or digit, so it names no topic");
            }
            slugs.add(slug);
        }
        return List.copyOf(slugs);
    }

    /**
     * When a subscription's alerts go out, as stored. A digest subscription gets the defaults of
     * what it leaves out: daily at 08:00, hourly on the hour, in UTC.
     */
    record Schedule(String mode, LocalTime digestAt, String timezone) {

        static Schedule of(String mode, String digestAt, String timezone) {
            if (timezone != null && !ZoneId.getAvailableZoneIds().contains(timezone)) {
                throw badRequest("timezone '" + timezone + "' is not an IANA time zone such as Asia/Seoul");
            }
            LocalTime at = digestAt == null ? null : LocalTime.parse(digestAt);
            if (Subscription.INSTANT.equals(mode)) {
                return new Schedule(mode, at, timezone);
            }
            LocalTime fallback = DigestSchedule.DAILY.equals(mode) ? DigestSchedule.DEFAULT_DAILY
                    : DigestSchedule.DEFAULT_HOURLY;
            return new Schedule(mode, at == null ? fallback : at, timezone == null ? "UTC" : timezone);
        }
    }

    private static URI webhookUrl(String text) {
        if (text == null || text.isBlank()) {
            throw badRequest("channel.url: a webhook channel needs a url");
        }
        try {
            URI url = new URI(text.trim());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                throw badRequest("channel.url: must be an absolute http or https URL with a host");
            }
            return url;
        } catch (URISyntaxException e) {
            throw badRequest("channel.url: not a valid URL (" + e.getReason() + ")");
        }
    }

    private static ProblemException badRequest(String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, detail);
    }
}
