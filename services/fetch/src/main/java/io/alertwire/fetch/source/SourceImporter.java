package io.alertwire.fetch.source;

import io.alertwire.fetch.opml.OpmlFeed;
import io.alertwire.fetch.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Creates sources from the feeds of an OPML file. Each feed is created in a transaction of its own
 * through {@link SourceService#create}, so it is checked exactly like a source added by hand, and
 * one refused feed (or one added at the same moment by someone else) never undoes the others.
 */
@ApplicationScoped
public class SourceImporter {

    private static final Logger LOG = Logger.getLogger(SourceImporter.class);
    private static final int MAX_NAME_CHARS = 500;

    private final SourceService service;

    public SourceImporter(SourceService service) {
        this.service = service;
    }

    /** An interval from the file within what the API accepts (1 minute to 24 hours), else the default. */
    private static Duration acceptable(Duration interval) {
        if (interval == null || interval.compareTo(Duration.ofMinutes(1)) < 0 || interval.compareTo(Duration.ofHours(24)) > 0) {
            return null;
        }
        return interval;
    }

    public ImportReport importFeeds(List<OpmlFeed> feeds) {
        List<ImportReport.Created> created = new ArrayList<>();
        List<ImportReport.NotImported> skipped = new ArrayList<>();
        List<ImportReport.NotImported> invalid = new ArrayList<>();
        for (OpmlFeed feed : feeds) {
            String name = feed.name() == null || feed.name().length() <= MAX_NAME_CHARS
                    ? feed.name() : feed.name().substring(0, MAX_NAME_CHARS);
            try {
                SourceResponse source = service.create(new CreateSourceRequest(feed.url(), name,
                        acceptable(feed.pollInterval()), feed.enabled(), null));
                created.add(new ImportReport.Created(source.id(), source.url(), source.name()));
            } catch (ProblemException e) {
                if (e.status() == Response.Status.CONFLICT) {
                    skipped.add(new ImportReport.NotImported(feed.url(), "a source with this URL already exists"));
                } else {
                    String reason = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message();
                    invalid.add(new ImportReport.NotImported(feed.url(), "url " + reason));
                }
            }
        }
        LOG.infof("Sources imported: feeds=%d created=%d skipped=%d invalid=%d", feeds.size(), created.size(),
                skipped.size(), invalid.size());
        return new ImportReport(created, skipped, invalid);
    }
}
