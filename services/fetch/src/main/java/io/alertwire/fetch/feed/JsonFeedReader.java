package io.alertwire.fetch.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Feed 1.0 and 1.1 (jsonfeed.org). Read as a tree, not bound to classes, so that a field of
 * the wrong type is a missing field rather than a rejected feed, as with XML feeds.
 */
final class JsonFeedReader implements FeedFormatReader {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Override
    public FeedDocument read(String text) throws FeedRejectedException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new FeedRejectedException("not a feed: malformed JSON" + where);
        }
        if (root == null || !root.isObject() || !text(root, "version").contains("jsonfeed.org")) {
            throw new FeedRejectedException("not a feed: the document is JSON but not a JSON Feed "
                    + "(no jsonfeed.org version)");
        }
        List<String> feedAuthors = authors(root);
        String language = textOrNull(root, "language");
        List<FeedEntry> entries = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            if (item.isObject()) {
                entries.add(toEntry(item, feedAuthors));
            }
        }
        return new FeedDocument(FeedKind.JSON_FEED.label(), language, entries, null, hubLinks(root));
    }

    /** JSON Feed's {@code hubs} ({@code [{type: "WebSub", url}]}) and {@code feed_url} as the topic. */
    private static HubLinks hubLinks(JsonNode root) {
        List<String> hubs = new ArrayList<>();
        for (JsonNode hub : root.path("hubs")) {
            String url = textOrNull(hub, "url");
            String type = text(hub, "type");
            if (url != null && (type.isEmpty() || type.equalsIgnoreCase("WebSub"))) {
                hubs.add(url.strip());
            }
        }
        return new HubLinks(hubs, textOrNull(root, "feed_url"));
    }

    private static FeedEntry toEntry(JsonNode item, List<String> feedAuthors) {
        String html = textOrNull(item, "content_html");
        String content = html != null ? html : textOrNull(item, "content_text");
        Instant published = LenientDates.parse(textOrNull(item, "date_published"));
        if (published == null) {
            published = LenientDates.parse(textOrNull(item, "date_modified"));
        }
        List<String> authors = authors(item);
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : item.path("tags")) {
            if (tag.isTextual()) {
                tags.add(tag.asText());
            }
        }
        return new FeedEntry(List.of(text(item, "url"), text(item, "external_url")), textOrNull(item, "id"),
                textOrNull(item, "title"), textOrNull(item, "summary"), content, published,
                authors.isEmpty() ? feedAuthors : authors, tags, textOrNull(item, "language"));
    }

    /** 1.1's {@code authors} array, else 1.0's single {@code author}. */
    private static List<String> authors(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (JsonNode author : node.path("authors")) {
            String name = textOrNull(author, "name");
            if (name != null) {
                names.add(name);
            }
        }
        String single = textOrNull(node.path("author"), "name");
        if (names.isEmpty() && single != null) {
            names.add(single);
        }
        return names;
    }

    private static String text(JsonNode node, String field) {
        String value = textOrNull(node, field);
        return value == null ? "" : value;
    }

    /** The field as text when it is a string or number (ids are often numbers), else null. */
    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() || value.isNumber() ? value.asText() : null;
    }
}
