package io.alertwire.fetch.feed;

/** A document that is not a feed we accept; the message is the readable reason shown on the source. */
public class FeedRejectedException extends Exception {

    public FeedRejectedException(String reason) {
        super(reason);
    }
}
