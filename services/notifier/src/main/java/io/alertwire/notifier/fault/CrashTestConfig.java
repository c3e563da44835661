package io.alertwire.notifier.fault;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Fault injection for the crash tests (see the package documentation). For tests only. */
@ConfigMapping(prefix = "alertwire.notifier.test")
public interface CrashTestConfig {

    /**
     * FOR TESTS ONLY, never in production: halts the JVM at this point of a delivery
     * (ALERTWIRE_NOTIFIER_TEST_CRASH_AT): {@code after-db-write}, {@code after-send} or
     * {@code before-commit}. Unset (the default), nothing is ever halted.
     */
    Optional<CrashPoint> crashAt();
}
