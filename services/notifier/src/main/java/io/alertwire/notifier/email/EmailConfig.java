package io.alertwire.notifier.email;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What the notifier's emails need to know. */
@ConfigMapping(prefix = "alertwire.notifier")
public interface EmailConfig {

    /**
     * The notifier's address as subscribers' browsers reach it; confirmation links start with it
     * (ALERTWIRE_NOTIFIER_PUBLIC_URL).
     */
    @WithDefault("http://localhost:8083")
    String publicUrl();

    /** How often pending email subscriptions are sent their confirmation mail (ALERTWIRE_NOTIFIER_CONFIRMATION_TICK). */
    @WithDefault("5s")
    Duration confirmationTick();
}
