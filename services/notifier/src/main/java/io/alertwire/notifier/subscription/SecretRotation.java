package io.alertwire.notifier.subscription;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a secret rotation: the new secret, shown this once.
 *
 * @param secret the new {@code whsec_} signing secret; never shown again
 * @param previousSecretValidUntil until when every webhook is signed with the previous secret too
 */
public record SecretRotation(UUID id, String secret, Instant previousSecretValidUntil) {
}
