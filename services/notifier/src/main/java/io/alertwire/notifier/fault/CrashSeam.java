package io.alertwire.notifier.fault;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Halts the JVM at the configured {@link CrashPoint}, for the crash tests only; with nothing
 * configured (always, outside those tests) every call is a no-op.
 */
@ApplicationScoped
public class CrashSeam {

    private static final Logger LOG = Logger.getLogger(CrashSeam.class);
    /** The exit status of a halt, so that a test can tell it from any other exit. */
    public static final int HALT_STATUS = 86;

    private final Optional<CrashPoint> armed;

    public CrashSeam(CrashTestConfig config) {
        this.armed = config.crashAt();
        armed.ifPresent(point -> LOG.warnf("FOR TESTS ONLY: alertwire.notifier.test.crash-at=%s, this process will"
                + " halt at that point", point.configValue()));
    }

    public boolean isArmedAt(CrashPoint point) {
        return armed.filter(point::equals).isPresent();
    }

    /** Halts here if {@code point} is the configured one. */
    public void reached(CrashPoint point) {
        reached(point, () -> {
        });
    }

    /**
     * Halts here if {@code point} is the configured one, after {@code prepare} (e.g. a flush, so that the
     * database holds the uncommitted writes the crash is meant to abandon).
     */
    public void reached(CrashPoint point, Runnable prepare) {
        if (!isArmedAt(point)) {
            return;
        }
        prepare.run();
        LOG.errorf("FOR TESTS ONLY: halting at crash point %s", point.configValue());
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(HALT_STATUS);
    }
}
