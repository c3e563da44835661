package io.alertwire.events;

/** A record value that cannot be read as the event its topic carries; consumers dead-letter it. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
