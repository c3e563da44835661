package io.alertwire.notifier.token;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The key and lifetimes of the signed tokens in confirmation and unsubscribe links. */
@ConfigMapping(prefix = "alertwire.notifier")
public interface TokenConfig {

    /**
     * The server secret that signs the tokens (ALERTWIRE_NOTIFIER_TOKEN_SECRET), at least 32
     * characters. Required in production (no default): whoever knows it can unsubscribe or confirm
     * anyone. Changing it invalidates every link already mailed. Keep it the same on all replicas.
     */
    String tokenSecret();

    /** How long a confirmation link works (ALERTWIRE_NOTIFIER_CONFIRM_TOKEN_TTL). */
    @WithDefault("P7D")
    Duration confirmTokenTtl();

    /**
     * How long the unsubscribe link of an alert mail works (ALERTWIRE_NOTIFIER_UNSUBSCRIBE_TOKEN_TTL);
     * every mail carries a fresh one, so only old mails' links run out.
     */
    @WithDefault("P365D")
    Duration unsubscribeTokenTtl();
}
