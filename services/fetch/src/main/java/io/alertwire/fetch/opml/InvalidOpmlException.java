package io.alertwire.fetch.opml;

/** A body that is not an OPML document we accept; the message is the readable reason. */
public class InvalidOpmlException extends Exception {

    public InvalidOpmlException(String reason) {
        super(reason);
    }
}
