package io.alertwire.fetch.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.jdom2.Document;
import org.jdom2.Element;

/**
 * RSS 0.9x, 1.0, 2.0 and Atom 0.3, 1.0 through ROME. ROME 2.x refuses DOCTYPE declarations unless
 * asked to allow them, which shuts out external entities (XXE) and entity expansion at once; this
 * class never allows them. ROME reads dates leniently: one it cannot read is null, the item stays.
 */
final class RomeFeedReader implements FeedFormatReader {

    @Override
    public FeedDocument read(String text) throws FeedRejectedException {
        Document document = RomeDocuments.build(text);
        HubLinks hubLinks = hubLinks(document.getRootElement());
        WireFeed wire = build(document);
        SyndFeed feed = new SyndFeedImpl(wire);
        String type = feed.getFeedType() == null ? "" : feed.getFeedType();
        String kind = type.startsWith("atom") ? FeedKind.ATOM.label() : FeedKind.RSS.label();
        Duration ttl = wire instanceof Channel channel && channel.getTtl() > 0
                ? Duration.ofMinutes(channel.getTtl()) : null;
        List<FeedEntry> entries = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            entries.add(toEntry(entry));
        }
        return new FeedDocument(kind, feed.getLanguage(), entries, ttl, hubLinks);
    }

    /**
     * {@code <atom:link rel="hub|self">} at feed level: children of an Atom {@code <feed>}, of an
     * RSS {@code <channel>} or of RDF's channel (read from the tree, since ROME drops them in RSS).
     */
    private static HubLinks hubLinks(Element root) {
        List<String> hubs = new ArrayList<>();
        String self = null;
        List<Element> levels = new ArrayList<>(List.of(root));
        root.getChildren().stream().filter(child -> child.getName().equals("channel")).forEach(levels::add);
        for (Element level : levels) {
            for (Element link : level.getChildren("link", RomeDocuments.ATOM_10)) {
                String rel = link.getAttributeValue("rel");
                String href = link.getAttributeValue("href");
                if (rel == null || href == null || href.isBlank()) {
                    continue;
                }
                for (String one : rel.strip().toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
                    if (one.equals("hub") && !hubs.contains(href.strip())) {
                        hubs.add(href.strip());
                    } else if (one.equals("self") && self == null) {
                        self = href.strip();
                    }
                }
            }
        }
        return new HubLinks(hubs, self);
    }

    private static WireFeed build(Document document) throws FeedRejectedException {
        try {
            WireFeedInput input = new WireFeedInput();
            input.setAllowDoctypes(false); // the default; stated because it is what keeps XXE out
            return input.build(document);
        } catch (FeedException e) {
            throw new FeedRejectedException("not a feed: " + shorten(e.getMessage()));
        } catch (IllegalArgumentException e) {
            if ("Invalid document".equals(e.getMessage())) { // no ROME parser claims the root
                throw new FeedRejectedException("not a feed: RSS or Atom of no version we know");
            }
            throw new FeedRejectedException("not a feed: the RSS or Atom cannot be read (" + shorten(e.getMessage()) + ")");
        } catch (RuntimeException e) {
            // ROME choking on a value: say which, without Java's names for it
            throw new FeedRejectedException("not a feed: the RSS or Atom cannot be read ("
                    + shorten(e.getMessage()) + ")");
        }
    }

    private static String shorten(String text) {
        if (text == null) {
            return "no details";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }

    private static FeedEntry toEntry(SyndEntry entry) {
        List<String> links = new ArrayList<>();
        links.add(entry.getLink());
        if (entry.getLinks() != null) {
            for (SyndLink link : entry.getLinks()) {
                if (link.getRel() == null || link.getRel().equals("alternate")) {
                    links.add(link.getHref());
                }
            }
        }
        String content = entry.getContents() == null ? null : entry.getContents().stream()
                .map(SyndContent::getValue)
                .filter(value -> value != null && !value.isBlank())
                .collect(Collectors.joining("\n\n"));
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        List<String> authors = new ArrayList<>();
        if (entry.getAuthors() != null) {
            for (SyndPerson person : entry.getAuthors()) {
                authors.add(person.getName());
            }
        }
        if (authors.isEmpty() && entry.getAuthor() != null) {
            authors.add(entry.getAuthor());
        }
        List<String> categories = new ArrayList<>();
        if (entry.getCategories() != null) {
            for (SyndCategory category : entry.getCategories()) {
                categories.add(category.getName());
            }
        }
        return new FeedEntry(links, entry.getUri(), entry.getTitle(),
                entry.getDescription() == null ? null : entry.getDescription().getValue(), content,
                date == null ? null : date.toInstant(), authors, categories, null);
    }
}
