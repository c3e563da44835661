package io.alertwire.notifier.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes and checks the tokens of confirmation and unsubscribe links: base64url of
 * {@code purpose (1 byte) | subscription id (16) | expiry, unix seconds (8) | HMAC-SHA256 of the
 * first 25 bytes (32)}, 76 characters.
 */
@ApplicationScoped
public class SignedTokens {

    private static final int PAYLOAD = 1 + 16 + 8;
    private static final int MAC = 32;
    private static final int MIN_SECRET_LENGTH = 32;
    // 57 bytes in base64url without padding; anything longer is refused before decoding
    private static final int TOKEN_LENGTH = 76;

    private final SecretKeySpec key;
    private final Clock clock;
    private final TokenConfig config;

    @Inject
    public SignedTokens(TokenConfig config) {
        this(config.tokenSecret(), Clock.systemUTC(), config);
    }

    SignedTokens(String secret, Clock clock, TokenConfig config) {
        if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("alertwire.notifier.token-secret (ALERTWIRE_NOTIFIER_TOKEN_SECRET) must "
                    + "hold at least " + MIN_SECRET_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.strip().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
        this.config = config;
    }

    /** A token for a confirmation link, good for the configured confirmation lifetime. */
    public String confirmation(UUID subscriptionId) {
        return issue(TokenPurpose.CONFIRM, subscriptionId, clock.instant().plus(config.confirmTokenTtl()));
    }

    /** A token for an unsubscribe link, good for the configured unsubscribe lifetime. */
    public String unsubscribe(UUID subscriptionId) {
        return issue(TokenPurpose.UNSUBSCRIBE, subscriptionId, clock.instant().plus(config.unsubscribeTokenTtl()));
    }

    /** A token for {@code purpose} that expires at {@code expiresAt}. */
    public String issue(TokenPurpose purpose, UUID subscriptionId, Instant expiresAt) {
        ByteBuffer token = ByteBuffer.allocate(PAYLOAD + MAC);
        token.put(purpose.code)
                .putLong(subscriptionId.getMostSignificantBits())
                .putLong(subscriptionId.getLeastSignificantBits())
                .putLong(expiresAt.getEpochSecond());
        token.put(mac(Arrays.copyOf(token.array(), PAYLOAD)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /** Checks a token from a link; never throws, whatever the text. */
    public TokenCheck check(TokenPurpose purpose, String text) {
        if (text == null || text.strip().length() != TOKEN_LENGTH) {
            return TokenCheck.invalid();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            return TokenCheck.invalid();
        }
        if (bytes.length != PAYLOAD + MAC) {
            return TokenCheck.invalid();
        }
        byte[] payload = Arrays.copyOf(bytes, PAYLOAD);
        // constant-time, so a forger learns nothing from how long a refusal takes
        if (!MessageDigest.isEqual(mac(payload), Arrays.copyOfRange(bytes, PAYLOAD, bytes.length))
                || payload[0] != purpose.code) {
            return TokenCheck.invalid();
        }
        ByteBuffer fields = ByteBuffer.wrap(payload, 1, PAYLOAD - 1);
        UUID id = new UUID(fields.getLong(), fields.getLong());
        long expiry = fields.getLong();
        if (clock.instant().getEpochSecond() >= expiry) {
            return TokenCheck.expired();
        }
        return TokenCheck.valid(id);
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
