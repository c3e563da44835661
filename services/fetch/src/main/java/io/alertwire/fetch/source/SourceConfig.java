package io.alertwire.fetch.source;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Defaults for new sources, and limits of the sources API. */
@ConfigMapping(prefix = "alertwire.fetch")
public interface SourceConfig {

    /** Poll interval of a source created without one (ISO-8601 or "15m"). */
    @WithDefault("PT15M")
    Duration defaultPollInterval();

    /**
     * Largest OPML body {@code POST /api/sources/import} accepts, in bytes; larger ones are answered
     * 413 before being parsed. 2 MiB holds tens of thousands of subscriptions.
     */
    @WithDefault("2097152")
    int maxImportBytes();
}
