package io.alertwire.classifier.matching;

import java.io.IOException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;

/**
 * How the Monitor keeps its query index (the stored topics, indexed by the terms the presearcher
 * picked): in memory, each file as one buffer, and merged into one segment after a bulk load
 * ({@link #compact}).
 *
 * <p>Why: for every article the presearcher looks each of the article's terms up in every segment
 * of the query index, and each lookup opens a view of the index's files. Registering 10,000 topics
 * a thousand at a time left about ten segments, and Lucene's default in-memory files, held as many
 * small buffers, made every view copy a list of them; together that was most of the time a feed
 * item took at 10,000 topics.
 */
final class QueryIndexConfiguration extends MonitorConfiguration {

    private volatile IndexWriter writer;

    QueryIndexConfiguration() {
        // no serializer: the topics are registered again from the database at every start
        setDirectoryProvider(() -> new ByteBuffersDirectory(new SingleInstanceLockFactory(), ByteBuffersDataOutput::new,
                ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER), null);
    }

    @Override
    public IndexWriter buildIndexWriter() throws IOException {
        writer = super.buildIndexWriter();
        return writer;
    }

    /** Merges the query index into one segment; the Monitor searches it after its next commit. */
    void compact() throws IOException {
        writer.forceMerge(1);
    }
}
