package io.alertwire.notifier.email;

/** The notifier's public base URL as links in mails start with it: no trailing slash, no line break. */
final class PublicUrl {

    private PublicUrl() {
    }

    static String of(EmailConfig config) {
        String url = MailHeaders.clean(config.publicUrl());
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
