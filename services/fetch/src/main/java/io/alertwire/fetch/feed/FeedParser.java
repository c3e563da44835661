package io.alertwire.fetch.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.alertwire.events.ArticleEvent;
import io.alertwire.fetch.article.CanonicalUrl;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdom2.input.JDOMParseException;

/**
 * Turns a fetched document into {@link ArticleEvent}s with ROME.
 *
 * <p>ROME 2.x refuses DOCTYPE declarations unless asked to allow them, which shuts out external
 * entities (XXE) and entity expansion ("billion laughs") at once; this class never allows them.
 * Every way a document can be unacceptable ends as a {@link FeedRejectedException} whose message
 * is the reason an operator reads on the source.
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
     * @throws FeedRejectedException when the document is not an RSS or Atom feed we accept
     */
    public ParsedFeed parse(byte[] body, String contentType, URI feedUri, String sourceId, String sourceName,
            Instant fetchedAt) throws FeedRejectedException {
        rejectObviousNonFeeds(body, contentType);
        SyndFeed feed = read(body, contentType);
        String kind = kindOf(feed.getFeedType());
        String language = language(feed.getLanguage());
        Instant oldest = fetchedAt.minus(maxArticleAge);

        List<ArticleEvent> articles = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int skipped = 0;
        for (SyndEntry entry : feed.getEntries()) {
            Optional<ArticleEvent> article = toArticle(entry, feedUri, sourceId, sourceName, language, fetchedAt);
            if (article.isEmpty()
                    || (article.get().publishedAt() != null && article.get().publishedAt().isBefore(oldest))
                    || !seen.add(article.get().articleId())) {
                skipped++;
                continue;
            }
            articles.add(article.get());
        }
        return new ParsedFeed(kind, articles, skipped);
    }

    private static void rejectObviousNonFeeds(byte[] body, String contentType) throws FeedRejectedException {
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1)
                .replace("\uFEFF", "").replace("ï»¿", "").stripLeading().toLowerCase(Locale.ROOT);
        if (head.isEmpty()) {
            throw new FeedRejectedException("not a feed: the document is empty");
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        // an HTML page starts with its doctype or <html>; checked before XML parsing because an HTML
        // doctype would otherwise be reported as a refused DOCTYPE, which is misleading
        if (head.startsWith("<!doctype html") || head.startsWith("<html")
                || (type.startsWith("text/html") && !head.startsWith("<?xml") && !head.startsWith("<rss")
                        && !head.startsWith("<feed"))) {
            throw new FeedRejectedException("not a feed: the document is HTML");
        }
        if (head.startsWith("{") || head.startsWith("[")) {
            throw new FeedRejectedException("not a feed: the document is JSON (JSON Feed is not supported yet)");
        }
        if (!head.startsWith("<")) {
            throw new FeedRejectedException("not a feed: the document is not XML");
        }
    }

    private static SyndFeed read(byte[] body, String contentType) throws FeedRejectedException {
        try (Reader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false); // the default; stated because it is what keeps XXE out
            return input.build(reader);
        } catch (FeedException e) {
            throw new FeedRejectedException(reason(e));
        } catch (IllegalArgumentException e) {
            // ROME's answer when no parser recognises the root element
            throw new FeedRejectedException("not a feed: the XML is neither RSS nor Atom");
        } catch (IOException e) {
            throw new FeedRejectedException("not a feed: the text cannot be decoded (" + e.getMessage() + ")");
        }
    }

    private static String reason(FeedException e) {
        String all = "";
        JDOMParseException parse = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            all += " " + t.getMessage();
            if (t instanceof JDOMParseException jdom) {
                parse = jdom;
            }
        }
        if (all.contains("DOCTYPE")) {
            return "XML not accepted: DOCTYPE is not allowed (it could declare external or expanding entities)";
        }
        if (parse != null) {
            String detail = parse.getCause() != null ? parse.getCause().getMessage() : parse.getMessage();
            return "not a feed: malformed XML at line " + parse.getLineNumber() + ": " + shorten(detail);
        }
        return "not a feed: " + shorten(e.getMessage());
    }

    private static String shorten(String text) {
        if (text == null) {
            return "unknown error";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static String kindOf(String feedType) {
        if (feedType == null) {
            return null;
        }
        if (feedType.startsWith("atom")) {
            return "atom";
        }
        return feedType.startsWith("rss") ? "rss" : null;
    }

    /** A declared language such as "en-US" or "KO" as ISO 639-1 ("en", "ko"), else null. */
    static String language(String declared) {
        if (declared == null) {
            return null;
        }
        String primary = declared.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2}") ? primary : null;
    }

    private static Optional<ArticleEvent> toArticle(SyndEntry entry, URI feedUri, String sourceId, String sourceName,
            String language, Instant fetchedAt) {
        Optional<String> url = link(entry, feedUri);
        Optional<String> canonical = url.flatMap(CanonicalUrl::of);
        if (canonical.isEmpty()) {
            return Optional.empty();
        }
        String summary = PlainText.cut(PlainText.of(entry.getDescription() == null ? null
                : entry.getDescription().getValue()), MAX_SUMMARY_CHARS);
        String fullText = entry.getContents() == null ? "" : entry.getContents().stream()
                .map(SyndContent::getValue)
                .map(PlainText::of)
                .filter(text -> !text.isEmpty())
                .collect(Collectors.joining("\n\n"));
        String content = PlainText.cut(fullText.isEmpty() ? summary : fullText, ArticleEvent.MAX_CONTENT_CHARS);
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();

        Set<String> authors = new LinkedHashSet<>();
        if (entry.getAuthors() != null) {
            for (SyndPerson person : entry.getAuthors()) {
                String name = PlainText.of(person.getName());
                if (!name.isEmpty()) {
                    authors.add(name);
                }
            }
        }
        if (authors.isEmpty() && entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
            authors.add(PlainText.of(entry.getAuthor()));
        }
        Set<String> categories = new LinkedHashSet<>();
        if (entry.getCategories() != null) {
            for (SyndCategory category : entry.getCategories()) {
                String name = PlainText.of(category.getName());
                if (!name.isEmpty()) {
                    categories.add(name);
                }
            }
        }
        return Optional.of(new ArticleEvent(
                CanonicalUrl.articleId(canonical.get()),
                url.get(),
                canonical.get(),
                sourceId,
                sourceName,
                PlainText.cut(PlainText.of(entry.getTitle()), MAX_TITLE_CHARS),
                summary,
                content,
                language,
                date == null ? null : date.toInstant(),
                fetchedAt,
                List.copyOf(authors),
                List.copyOf(categories)));
    }

    /** The entry's link, else its alternate link, else a permalink guid / id, resolved against the feed. */
    private static Optional<String> link(SyndEntry entry, URI feedUri) {
        List<String> candidates = new ArrayList<>();
        candidates.add(entry.getLink());
        if (entry.getLinks() != null) {
            for (SyndLink link : entry.getLinks()) {
                if (link.getRel() == null || link.getRel().equals("alternate")) {
                    candidates.add(link.getHref());
                }
            }
        }
        for (String candidate : candidates) {
            Optional<String> resolved = resolve(candidate, feedUri);
            if (resolved.isPresent()) {
                return resolved;
            }
        }
        // a guid or atom:id is only a link when it is itself an absolute http(s) URL
        String uri = entry.getUri();
        if (uri != null && CanonicalUrl.of(uri).isPresent()) {
            return Optional.of(uri.strip());
        }
        return Optional.empty();
    }

    private static Optional<String> resolve(String link, URI base) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
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
