package io.alertwire.fetch.source;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Defaults for new sources. */
@ConfigMapping(prefix = "alertwire.fetch")
public interface SourceConfig {

    /** Poll interval of a source created without one (ISO-8601 or "15m"). */
    @WithDefault("PT15M")
    Duration defaultPollInterval();
}
