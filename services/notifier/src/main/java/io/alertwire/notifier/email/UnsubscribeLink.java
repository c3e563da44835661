package io.alertwire.notifier.email;

import io.alertwire.notifier.token.SignedTokens;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The unsubscribe link of an alert or digest mail: shown in both parts, and carried by the RFC 8058
 * one-click headers with a fresh signed token.
 *
 * @param url the page that unsubscribes the recipient
 * @param headers {@code List-Unsubscribe} and {@code List-Unsubscribe-Post}
 */
record UnsubscribeLink(String url, Map<String, String> headers) {

    static UnsubscribeLink of(SignedTokens tokens, EmailConfig config, UUID subscriptionId) {
        // base64url: nothing in it needs escaping in a URL, a mail header or a mailto subject
        String token = tokens.unsubscribe(subscriptionId);
        String url = PublicUrl.of(config) + "/unsubscribe?token=" + token;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + url + ">, <mailto:"
                + MailHeaders.clean(config.unsubscribeMailto()) + "?subject=unsubscribe-" + token + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return new UnsubscribeLink(url, Collections.unmodifiableMap(headers));
    }
}
