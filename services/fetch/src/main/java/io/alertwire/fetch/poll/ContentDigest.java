package io.alertwire.fetch.poll;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a feed body, in hex: what tells a fetch from a server without ETag or
 * Last-Modified that the feed is byte for byte the one parsed last time, so it need not be parsed
 * again (hashing a body costs a small fraction of parsing it).
 */
final class ContentDigest {

    private ContentDigest() {
    }

    static String of(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
