package io.alertwire.fetch.source;

import java.util.List;

/**
 * The answer to an OPML import: what became a source, and why the rest did not.
 *
 * @param created the sources created
 * @param skipped feeds that are already sources (or listed twice in the file)
 * @param invalid feeds whose URL is refused, with the reason
 */
public record ImportReport(List<Created> created, List<NotImported> skipped, List<NotImported> invalid) {

    public ImportReport {
        created = List.copyOf(created);
        skipped = List.copyOf(skipped);
        invalid = List.copyOf(invalid);
    }

    /** A source created by the import. */
    public record Created(String id, String url, String name) {
    }

    /** A feed of the file that did not become a source. */
    public record NotImported(String url, String reason) {
    }
}
