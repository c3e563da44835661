package io.alertwire.fetch.feed;

import java.time.Instant;
import java.util.List;

/**
 * One item of a feed in any format, before it becomes an article. Every field but the links may be
 * missing: formats and publishers differ, and a missing element is no reason to drop an item.
 *
 * @param links candidate links of the item, best first (relative ones are resolved later)
 * @param id the item's id (guid, atom:id, JSON Feed id); used as the link only if it is an http(s) URL
 * @param title title, may be HTML
 * @param summary summary, may be HTML
 * @param content full content, may be HTML
 * @param publishedAt publication (else modification) time, or null
 * @param authors author names
 * @param categories categories, tags or keywords
 * @param language the item's own language if it declares one, else null
 */
public record FeedEntry(List<String> links, String id, String title, String summary, String content,
        Instant publishedAt, List<String> authors, List<String> categories, String language) {

    public FeedEntry {
        links = present(links);
        authors = present(authors);
        categories = present(categories);
    }

    /** The non-blank values; readers pass what they found, nulls included (an author without a name). */
    private static List<String> present(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
