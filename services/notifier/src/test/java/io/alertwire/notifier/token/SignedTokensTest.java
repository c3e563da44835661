package io.alertwire.notifier.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignedTokensTest {

    private static final String SECRET = "a-test-secret-that-is-long-enough-0123";
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final UUID ID = UUID.fromString("6f1c9a52-3b7e-4c1d-9a8f-2e4b5c6d7e8f");

    @Test
    void acceptsItsOwnTokenForItsPurposeUntilItExpires() {
        String token = tokens(SECRET, NOW).confirmation(ID);

        assertEquals(76, token.length());
        assertEquals(TokenCheck.valid(ID), tokens(SECRET, NOW).check(TokenPurpose.CONFIRM, token));
        assertEquals(TokenCheck.valid(ID),
                tokens(SECRET, NOW.plus(Duration.ofDays(7)).minusSeconds(1)).check(TokenPurpose.CONFIRM, token));
        assertEquals(TokenCheck.Verdict.EXPIRED,
                tokens(SECRET, NOW.plus(Duration.ofDays(7))).check(TokenPurpose.CONFIRM, token).verdict());
    }

    @Test
    void unsubscribeTokensLastAYear() {
        String token = tokens(SECRET, NOW).unsubscribe(ID);

        assertEquals(TokenCheck.valid(ID),
                tokens(SECRET, NOW.plus(Duration.ofDays(364))).check(TokenPurpose.UNSUBSCRIBE, token));
        assertEquals(TokenCheck.Verdict.EXPIRED,
                tokens(SECRET, NOW.plus(Duration.ofDays(366))).check(TokenPurpose.UNSUBSCRIBE, token).verdict());
    }

    @Test
    void refusesATokenMadeForTheOtherPurpose() {
        assertEquals(TokenCheck.invalid(),
                tokens(SECRET, NOW).check(TokenPurpose.UNSUBSCRIBE, tokens(SECRET, NOW).confirmation(ID)));
        assertEquals(TokenCheck.invalid(),
                tokens(SECRET, NOW).check(TokenPurpose.CONFIRM, tokens(SECRET, NOW).unsubscribe(ID)));
    }

    @Test
    void refusesEveryAlteredCharacterAndAnotherKey() {
        SignedTokens tokens = tokens(SECRET, NOW);
        String token = tokens.unsubscribe(ID);
        for (int i = 0; i < token.length(); i++) {
            char other = token.charAt(i) == 'A' ? 'B' : 'A';
            String altered = token.substring(0, i) + other + token.substring(i + 1);
            assertNotEquals(TokenCheck.Verdict.VALID, tokens.check(TokenPurpose.UNSUBSCRIBE, altered).verdict(),
                    "altered at " + i);
        }
        assertEquals(TokenCheck.invalid(),
                tokens("another-secret-that-is-long-enough-4567", NOW).check(TokenPurpose.UNSUBSCRIBE, token));
    }

    @Test
    void refusesJunkWithoutThrowing() {
        SignedTokens tokens = tokens(SECRET, NOW);
        char[] stars = new char[76];
        Arrays.fill(stars, '*');
        for (String junk : new String[] {null, "", " ", "abc", new String(stars), "A".repeat(76), "x".repeat(10_000),
                "=".repeat(76), "\r\n".repeat(38)}) {
            assertEquals(TokenCheck.invalid(), tokens.check(TokenPurpose.CONFIRM, junk), String.valueOf(junk));
        }
    }

    @Test
    void refusesAShortSecret() {
        assertThrows(IllegalStateException.class, () -> tokens("too-short", NOW));
    }

    private static SignedTokens tokens(String secret, Instant now) {
        TokenConfig config = new TokenConfig() {
            @Override
            public String tokenSecret() {
                return secret;
            }

            @Override
            public Duration confirmTokenTtl() {
                return Duration.ofDays(7);
            }

            @Override
            public Duration unsubscribeTokenTtl() {
                return Duration.ofDays(365);
            }
        };
        return new SignedTokens(secret, Clock.fixed(now, ZoneOffset.UTC), config);
    }
}
