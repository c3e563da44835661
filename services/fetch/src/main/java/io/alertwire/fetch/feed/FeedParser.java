package io.alertwire.fetch.feed;

import io.alertwire.events.ArticleEvent;
import io.alertwire.fetch.article.CanonicalUrl;
import io.alertwire.fetch.xml.DecodedText;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a fetched document into {@link ArticleEvent}s: decodes it (see {@link DecodedText}),
 * detects its kind from the content ({@link FeedKindDetector}), reads it with the reader for that
 * kind, and maps the items to articles. See the package documentation.
 */
@ApplicationScoped
public class FeedParser {

    private static final int MAX_TITLE_CHARS = 1000;
    private static final int MAX_SUMMARY_CHARS = 8 * 1024;

    private final Duration maxArticleAge;

    public FeedParser(FeedConfig config) {
        this.maxArticleAge = config.maxArticleAge();
    }

    /**
     * Parses a feed.
     *
     * @param body the response body, already decompressed
     * @param contentType the response's Content-Type (for the charset), or {@code null}
     * @param feedUri where the document came from, to resolve relative links
     * @param sourceId the source's id, copied into each article
     * @param sourceName the source's name, copied into each article
     * @param fetchedAt when the document was fetched
     * @throws FeedRejectedException when the document is not a feed we accept; the message says why
     */
    public ParsedFeed parse(byte[] body, String contentType, URI feedUri, String sourceId, String sourceName,
            Instant fetchedAt) throws FeedRejectedException {
        FeedDocument document = read(body, contentType);
        String feedLanguage = language(document.language());
        Instant oldest = fetchedAt.minus(maxArticleAge);

        List<ArticleEvent> articles = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int skipped = 0;
        for (FeedEntry entry : document.entries()) {
            Optional<ArticleEvent> article = toArticle(entry, feedUri, sourceId, sourceName, feedLanguage, fetchedAt);
            if (article.isEmpty()
                    || (article.get().publishedAt() != null && article.get().publishedAt().isBefore(oldest))
                    || !seen.add(article.get().articleId())) {
                skipped++;
                continue;
            }
            articles.add(article.get());
        }
        return new ParsedFeed(document.kind(), articles, skipped, document.ttl(), document.hubLinks());
    }

    /** Decodes, detects and reads a document of any supported kind, without turning it into articles. */
    public static FeedDocument read(byte[] body, String contentType) throws FeedRejectedException {
        SniffedDocument sniffed = FeedKindDetector.detect(DecodedText.of(body, contentType), contentType);
        FeedFormatReader reader = switch (sniffed.kind()) {
            case RSS, ATOM -> new RomeFeedReader();
            case JSON_FEED -> new JsonFeedReader();
            case SITEMAP, NEWS_SITEMAP -> new SitemapReader(sniffed.kind());
        };
        return reader.read(sniffed.text());
    }

    /** A declared language such as "en-US" or "KO" as ISO 639-1 ("en", "ko"), else null. */
    static String language(String declared) {
        if (declared == null) {
            return null;
        }
        String primary = declared.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2}") ? primary : null;
    }

    private static Optional<ArticleEvent> toArticle(FeedEntry entry, URI feedUri, String sourceId, String sourceName,
            String feedLanguage, Instant fetchedAt) {
        Optional<String> url = link(entry, feedUri);
        Optional<String> canonical = url.flatMap(CanonicalUrl::of);
        if (canonical.isEmpty()) {
            return Optional.empty();
        }
        String summary = PlainText.cut(PlainText.of(entry.summary()), MAX_SUMMARY_CHARS);
        String fullText = PlainText.of(entry.content());
        String content = PlainText.cut(fullText.isEmpty() ? summary : fullText, ArticleEvent.MAX_CONTENT_CHARS);
        String language = language(entry.language());
        return Optional.of(new ArticleEvent(
                CanonicalUrl.articleId(canonical.get()),
                url.get(),
                canonical.get(),
                sourceId,
                sourceName,
                PlainText.cut(PlainText.of(entry.title()), MAX_TITLE_CHARS),
                summary,
                content,
                language != null ? language : feedLanguage,
                entry.publishedAt(),
                fetchedAt,
                distinctText(entry.authors()),
                distinctText(entry.categories())));
    }

    private static List<String> distinctText(List<String> values) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String value : values) {
            String text = PlainText.of(value);
            if (!text.isEmpty()) {
                distinct.add(text);
            }
        }
        return List.copyOf(distinct);
    }

    /** The first usable link, resolved against the feed; else the id when it is itself an http(s) URL. */
    private static Optional<String> link(FeedEntry entry, URI feedUri) {
        for (String candidate : entry.links()) {
            Optional<String> resolved = resolve(candidate, feedUri);
            if (resolved.isPresent()) {
                return resolved;
            }
        }
        String id = entry.id();
        if (id != null && CanonicalUrl.of(id.strip()).isPresent()) {
            return Optional.of(id.strip());
        }
        return Optional.empty();
    }

    private static Optional<String> resolve(String link, URI base) {
        String text = link.strip();
        if (CanonicalUrl.of(text).isPresent()) {
            return Optional.of(text);
        }
        try {
            String resolved = base.resolve(text).toString();
            return CanonicalUrl.of(resolved).isPresent() ? Optional.of(resolved) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
