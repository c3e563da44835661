package io.alertwire.notifier.confirm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in a confirmation link. Only its SHA-256 is stored, so a leaked database cannot
 * confirm anyone's subscription; a token has 256 random bits, so a plain (unsalted) hash suffices.
 */
public final class ConfirmationToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ConfirmationToken() {
    }

    /** A new token, URL-safe. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hex SHA-256 of a token, as stored. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
