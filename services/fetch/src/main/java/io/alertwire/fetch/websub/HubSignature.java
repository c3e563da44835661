package io.alertwire.fetch.websub;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Hub-Signature: <method>=<hex HMAC of the raw body>}, keyed with the subscription's
 * secret (WebSub §8); the methods a hub may use are sha1, sha256, sha384 and sha512.
 */
final class HubSignature {

    private static final Map<String, String> MACS = Map.of(
            "sha1", "HmacSHA1", "sha256", "HmacSHA256", "sha384", "HmacSHA384", "sha512", "HmacSHA512");

    private HubSignature() {
    }

    /** Whether the header is a well-formed signature of the body with the secret; false for none. */
    static boolean verifies(String header, byte[] body, String secret) {
        if (header == null) {
            return false;
        }
        int equals = header.indexOf('=');
        if (equals <= 0) {
            return false;
        }
        String mac = MACS.get(header.substring(0, equals).strip().toLowerCase(Locale.ROOT));
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(equals + 1).strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (mac == null) {
            return false;
        }
        // constant time, so a forger learns nothing from how long the comparison took
        return MessageDigest.isEqual(sign(mac, body, secret), given);
    }

    /** The hex signature of a body, as a hub computes it; {@code method} is e.g. "sha256". */
    static String header(String method, byte[] body, String secret) {
        return method + "=" + HexFormat.of().formatHex(sign(MACS.get(method), body, secret));
    }

    private static byte[] sign(String algorithm, byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC unavailable in this JVM: " + algorithm, e);
        }
    }
}
