package io.alertwire.fetch.feed;

/** Reads one family of formats from decoded text; the kind was already detected. */
interface FeedFormatReader {

    /**
     * @param text the whole document, decoded
     * @throws FeedRejectedException with a readable reason when the document cannot be read
     */
    FeedDocument read(String text) throws FeedRejectedException;
}
