package io.alertwire.fetch.source;

import io.alertwire.fetch.article.CanonicalUrl;
import io.alertwire.fetch.net.AddressPolicy;
import io.alertwire.fetch.net.ForbiddenAddressException;
import io.alertwire.fetch.opml.OpmlFeed;
import io.alertwire.fetch.problem.ProblemException;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/** Creating, changing, deleting, listing and scheduling sources. */
@ApplicationScoped
@Transactional
public class SourceService {

    private static final Logger LOG = Logger.getLogger(SourceService.class);

    private final SourceRepository sources;
    private final AddressPolicy addressPolicy;
    private final SourceConfig config;

    public SourceService(SourceRepository sources, AddressPolicy addressPolicy, SourceConfig config) {
        this.sources = sources;
        this.addressPolicy = addressPolicy;
        this.config = config;
    }

    /**
     * Creates a source, due for its first fetch at once.
     *
     * @throws ProblemException 400 if the host is on a refused address, 409 if the URL (in canonical
     *         form) is already a source
     */
    public SourceResponse create(CreateSourceRequest request) {
        String url = request.url().strip();
        String canonical = acceptableUrl(url, null);
        URI uri = URI.create(url);
        String name = request.name() == null || request.name().isBlank() ? uri.getHost() : request.name().strip();
        Duration interval = request.pollInterval() != null ? request.pollInterval() : config.defaultPollInterval();
        boolean enabled = request.enabled() == null || request.enabled();
        Source source = new Source(url, canonical, name, interval, enabled, Instant.now().truncatedTo(ChronoUnit.MICROS));
        source.setFullText(Boolean.TRUE.equals(request.fullText()));
        try {
            sources.persistAndFlush(source);
        } catch (RuntimeException e) {
            if (hasCause(e, ConstraintViolationException.class)) {
                throw duplicate(url); // a concurrent request added it between our check and insert
            }
            throw e;
        }
        LOG.infof("Source created: sourceId=%d url=%s interval=%s enabled=%s fullText=%s", source.getId(), url, interval,
                enabled, source.isFullText());
        return SourceResponse.of(source);
    }

    /**
     * Changes the fields present in the request.
     *
     * @throws ProblemException 404 if there is no such source; 400/409 for a new URL as in {@link #create}
     */
    public SourceResponse update(long id, UpdateSourceRequest request) {
        Source source = sources.findByIdOptional(id).orElseThrow(() -> notFound(id));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (request.url() != null && !request.url().strip().equals(source.getUrl())) {
            String url = request.url().strip();
            source.moveTo(url, acceptableUrl(url, source.getId()), now);
        }
        if (request.name() != null) {
            source.rename(request.name().strip());
        }
        if (request.pollInterval() != null) {
            source.changePollInterval(request.pollInterval(), now);
        }
        if (request.enabled() != null) {
            source.setEnabled(request.enabled(), now);
        }
        if (request.fullText() != null) {
            source.setFullText(request.fullText());
        }
        try {
            sources.flush();
        } catch (RuntimeException e) {
            if (hasCause(e, ConstraintViolationException.class)) {
                throw duplicate(source.getUrl());
            }
            throw e;
        }
        LOG.infof("Source updated: sourceId=%d url=%s interval=%s enabled=%s", id, source.getUrl(),
                source.pollInterval(), source.isEnabled());
        return SourceResponse.of(source);
    }

    /**
     * Deletes a source. Its articles stay (their source becomes null) so that they are remembered
     * and never published again, by another source or by this one added back.
     *
     * @throws ProblemException 404 if there is no such source
     */
    public void delete(long id) {
        if (!sources.deleteById(id)) {
            throw notFound(id);
        }
        LOG.infof("Source deleted: sourceId=%d", id);
    }

    /** Every source, oldest first, as OPML subscriptions. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OpmlFeed> allAsFeeds() {
        return sources.findAll(Sort.by("id")).stream()
                .map(source -> new OpmlFeed(source.getUrl(), source.getName(), source.pollInterval(),
                        source.isEnabled()))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SourceResponse get(long id) {
        return SourceResponse.of(sources.findByIdOptional(id).orElseThrow(() -> notFound(id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SourcePage list(int page, int size) {
        var query = sources.findAll(Sort.by("id"));
        var items = query.page(Page.of(page, size)).list().stream().map(SourceResponse::of).toList();
        return new SourcePage(items, page, size, query.count());
    }

    /** Makes the source due now; the next poller tick fetches it. */
    public SourceResponse fetchNow(long id) {
        Source source = sources.findByIdOptional(id).orElseThrow(() -> notFound(id));
        source.setNextFetchAt(Instant.now().truncatedTo(ChronoUnit.MICROS));
        LOG.infof("Source fetch requested: sourceId=%d", id);
        return SourceResponse.of(source);
    }

    /**
     * Checks a URL for a source and returns its canonical form.
     *
     * @param self the source the URL is for, when it already exists (it does not conflict with itself)
     * @throws ProblemException 400 if the URL or its host is refused, 409 if another source has it
     */
    private String acceptableUrl(String url, Long self) {
        URI uri = url.length() > 2048 ? null : HttpUrlValidator.parse(url);
        if (uri == null) {
            throw ProblemException.invalidField("url",
                    "must be an absolute http or https URL with a host and no user info, at most 2048 characters");
        }
        String canonical = CanonicalUrl.of(url)
                .orElseThrow(() -> ProblemException.invalidField("url", "must be an absolute http or https URL"));
        try {
            addressPolicy.check(uri);
        } catch (ForbiddenAddressException e) {
            throw ProblemException.invalidField("url", e.getMessage());
        } catch (UnknownHostException e) {
            // may be a temporary DNS failure: accept, the fetch will report it and check again
            LOG.infof("Source host %s does not resolve now; accepted, the fetch will check again", uri.getHost());
        }
        Optional<Source> existing = sources.findByCanonicalUrl(canonical);
        if (existing.isPresent() && !existing.get().getId().equals(self)) {
            throw duplicate(url);
        }
        return canonical;
    }

    static ProblemException notFound(Object id) {
        return new ProblemException(Response.Status.NOT_FOUND, "No source with id " + id);
    }

    private static ProblemException duplicate(String url) {
        return new ProblemException(Response.Status.CONFLICT, "A source with this URL already exists: " + url);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
