package io.alertwire.classifier.preview;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Settings of the recent-articles index that topic previews search. */
@ConfigMapping(prefix = "alertwire.classifier.preview")
public interface PreviewConfig {

    /**
     * Folder under which the Lucene index of recent articles lives, in a sub-folder of its own per
     * start (removed at shutdown). The index is a cache, rebuilt from the articles topic at every
     * start, so losing it loses nothing. The default is under the JVM's temporary folder, the one
     * writable place of the read-only container image.
     */
    @WithDefault("${java.io.tmpdir}/alertwire-classifier-preview")
    Path dataDir();

    /** How far back previews look; older articles are dropped from the index. */
    @WithDefault("7d")
    Duration window();

    /**
     * Most articles the index keeps; beyond it the oldest are dropped first. About 5 KB of disk
     * each: mind the size of the data folder's volume when raising it.
     */
    @WithDefault("20000")
    int maxArticles();

    /** Matches a preview returns when the request gives no {@code limit}. */
    @WithDefault("20")
    int defaultLimit();
}
