package io.alertwire.fetch.feed;

/**
 * A document whose kind is known, ready for its reader.
 *
 * @param kind the detected kind
 * @param text the text to read: decoded, and without a harmless DOCTYPE (see {@link FeedKindDetector})
 */
record SniffedDocument(FeedKind kind, String text) {
}
