package io.alertwire.fetch.feed;

/** The formats the service reads; the name is what the API shows as a source's {@code kind}. */
public enum FeedKind {
    RSS("rss"),
    ATOM("atom"),
    JSON_FEED("jsonfeed"),
    SITEMAP("sitemap"),
    NEWS_SITEMAP("news-sitemap");

    private final String label;

    FeedKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
