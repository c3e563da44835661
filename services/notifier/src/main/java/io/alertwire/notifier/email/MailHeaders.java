package io.alertwire.notifier.email;

/** Text that goes into a mail header must not carry line breaks, or it could add headers of its own. */
final class MailHeaders {

    private MailHeaders() {
    }

    static String clean(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n]+", " ").strip();
    }
}
