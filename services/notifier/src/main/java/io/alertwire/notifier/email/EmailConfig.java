package io.alertwire.notifier.email;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** What the notifier's emails need to know. */
@ConfigMapping(prefix = "alertwire.notifier")
public interface EmailConfig {

    /**
     * The notifier's address as subscribers' browsers reach it; confirmation and unsubscribe links start with it
     * (ALERTWIRE_NOTIFIER_PUBLIC_URL).
     */
    @WithDefault("http://localhost:8083")
    String publicUrl();

    /**
     * The address of the {@code mailto:} entry of {@code List-Unsubscribe}
     * (ALERTWIRE_NOTIFIER_UNSUBSCRIBE_MAILTO). Mails to it are not read by the notifier yet: the
     * https entry, which unsubscribes with one click, is the one that works.
     */
    @WithDefault("unsubscribe@alertwire.local")
    String unsubscribeMailto();

    /** How often pending email subscriptions are sent their confirmation mail (ALERTWIRE_NOTIFIER_CONFIRMATION_TICK). */
    @WithDefault("5s")
    Duration confirmationTick();

    /**
     * The operator's address (ALERTWIRE_NOTIFIER_OPERATOR_EMAIL): told when the notifier disables a
     * subscription that names no {@code contactEmail} of its own. Without it such a subscription is
     * only logged, at WARN.
     */
    Optional<String> operatorEmail();
}
