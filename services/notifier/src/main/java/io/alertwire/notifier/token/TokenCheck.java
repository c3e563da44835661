package io.alertwire.notifier.token;

import java.util.UUID;

/**
 * What checking a token found.
 *
 * @param verdict whether the token is good, expired, or not ours at all
 * @param subscriptionId the subscription it names, only when {@code verdict} is {@code VALID}
 */
public record TokenCheck(Verdict verdict, UUID subscriptionId) {

    public enum Verdict {
        VALID,
        /** signed by us, for this purpose, but past its expiry */
        EXPIRED,
        /** malformed, tampered with, signed with another key or made for another purpose */
        INVALID
    }

    static TokenCheck valid(UUID subscriptionId) {
        return new TokenCheck(Verdict.VALID, subscriptionId);
    }

    static TokenCheck expired() {
        return new TokenCheck(Verdict.EXPIRED, null);
    }

    static TokenCheck invalid() {
        return new TokenCheck(Verdict.INVALID, null);
    }

    public boolean isValid() {
        return verdict == Verdict.VALID;
    }
}
