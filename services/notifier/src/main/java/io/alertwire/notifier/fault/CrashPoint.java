package io.alertwire.notifier.fault;

import java.util.Locale;

/** A point on the way from a match to a sent alert where a crash test may halt the process. */
public enum CrashPoint {

    /** The match's deliveries are committed; its Kafka offset is not. */
    AFTER_DB_WRITE,
    /** A claimed batch was sent; nothing recorded it yet. */
    AFTER_SEND,
    /** The batch is marked sent inside its recording transaction, which has not committed. */
    BEFORE_COMMIT;

    /** The configuration's spelling: {@code after-db-write}, ... (SmallRye converts enums by this name too). */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
