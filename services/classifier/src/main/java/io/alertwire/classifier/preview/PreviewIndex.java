package io.alertwire.classifier.preview;

import io.alertwire.classifier.matching.ArticleFields;
import io.alertwire.classifier.matching.ArticleText;
import io.alertwire.classifier.matching.IndexedArticle;
import io.alertwire.events.ArticleEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.jboss.logging.Logger;

/**
 * The recent articles, in a Lucene index on disk analysed exactly as live matching analyses them,
 * plus their stored text so that a hit can be matched again for its score and highlights.
 */
@ApplicationScoped
public class PreviewIndex {

    private static final Logger LOG = Logger.getLogger(PreviewIndex.class);
    private static final String ID = "preview.id";
    private static final String FETCHED = "preview.fetched";
    private static final String PUBLISHED = "preview.published";
    private static final String TITLE = "preview.title";
    private static final String BODY = "preview.body";
    private static final String URL = "preview.url";
    private static final String SOURCE = "preview.source";
    private static final String LANGUAGE = "preview.language";
    /** An unlocked index folder untouched for this long belongs to no process. */
    private static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofMinutes(10);

    /** An article of the index, as stored. */
    public record Stored(String articleId, String title, String body, String url, String sourceName, String language,
            Instant publishedAt, Instant fetchedAt) {

        public ArticleText text() {
            return new ArticleText(title, body, language, url, sourceName);
        }
    }

    private final PreviewConfig config;
    private final Path folder;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public PreviewIndex(PreviewConfig config) {
        this.config = config;
        // a folder of its own per start: the index is rebuilt from the topic anyway, and two
        // processes on one machine (the local stack, the scale-out test) never share one
        this.folder = config.dataDir().resolve(UUID.randomUUID().toString());
        try {
            removeAbandoned(config.dataDir());
            Files.createDirectories(folder);
            directory = FSDirectory.open(folder);
            writer = new IndexWriter(directory, new IndexWriterConfig(ArticleFields.analyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the preview index in " + folder, e);
        }
    }

    /**
     * Removes the index folders that no running process holds (a process that was killed leaves
     * its folder behind, and a container's temporary folder outlives a restart of the container).
     */
    private static void removeAbandoned(Path parent) throws IOException {
        if (!Files.isDirectory(parent)) {
            return;
        }
        List<Path> folders;
        try (Stream<Path> children = Files.list(parent)) {
            folders = children.filter(Files::isDirectory).toList();
        }
        Instant settled = Instant.now().minus(ABANDONED_AFTER);
        for (Path other : folders) {
            if (Files.getLastModifiedTime(other).toInstant().isAfter(settled)) {
                continue; // maybe another process that is just starting: its writer is not open yet
            }
            boolean abandoned;
            try (FSDirectory directory = FSDirectory.open(other);
                    Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
                abandoned = true;
            } catch (LockObtainFailedException e) {
                abandoned = false;
            }
            if (abandoned) {
                LOG.infof("Removing the abandoned preview index %s", other);
                deleteTree(other);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Adds or replaces an article; one older than the window is left out. */
    public void add(ArticleEvent article, String body) {
        if (article.fetchedAt().isBefore(Instant.now().minus(config.window()))) {
            return;
        }
        ArticleText text = new ArticleText(article.title(), body, article.language(), article.url(),
                article.sourceName());
        Document document = IndexedArticle.document(text);
        document.add(new StringField(ID, article.articleId(), Field.Store.YES));
        long fetched = article.fetchedAt().toEpochMilli();
        document.add(new LongPoint(FETCHED, fetched));
        document.add(new NumericDocValuesField(FETCHED, fetched));
        document.add(new StoredField(FETCHED, fetched));
        if (article.publishedAt() != null) {
            document.add(new StoredField(PUBLISHED, article.publishedAt().toEpochMilli()));
        }
        store(document, TITLE, text.title());
        store(document, BODY, text.body());
        store(document, URL, article.url());
        store(document, SOURCE, article.sourceName());
        store(document, LANGUAGE, article.language());
        try {
            writer.updateDocument(new Term(ID, article.articleId()), document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index article " + article.articleId(), e);
        }
    }

    /** How many articles fetched at or after {@code since} the index holds. */
    public long count(Instant since) {
        return withSearcher(searcher -> (long) searcher.count(fetchedSince(since)));
    }

    /**
     * Articles fetched at or after {@code since} that {@code query} matches, newest first, at most
     * {@code max}.
     */
    public List<Stored> search(Query query, Instant since, int max) {
        Query filtered = new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(fetchedSince(since), BooleanClause.Occur.FILTER)
                .build();
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(filtered, max, new Sort(new SortField(FETCHED, SortField.Type.LONG, true)));
            List<Stored> hits = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                hits.add(stored(searcher.storedFields().document(hit.doc)));
            }
            return hits;
        });
    }

    /** Drops articles older than the window, then the oldest beyond the size bound; commits. */
    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void trim() {
        try {
            writer.deleteDocuments(LongPoint.newRangeQuery(FETCHED, Long.MIN_VALUE,
                    Instant.now().minus(config.window()).toEpochMilli() - 1));
            searchers.maybeRefreshBlocking();
            long excess = withSearcher(searcher -> (long) searcher.getIndexReader().numDocs()) - config.maxArticles();
            if (excess > 0) {
                List<Term> oldest = withSearcher(searcher -> {
                    TopDocs top = searcher.search(new org.apache.lucene.search.MatchAllDocsQuery(),
                            (int) Math.min(excess, Integer.MAX_VALUE),
                            new Sort(new SortField(FETCHED, SortField.Type.LONG, false)));
                    List<Term> terms = new ArrayList<>();
                    for (ScoreDoc hit : top.scoreDocs) {
                        terms.add(new Term(ID, searcher.storedFields().document(hit.doc).get(ID)));
                    }
                    return terms;
                });
                writer.deleteDocuments(oldest.toArray(Term[]::new));
                LOG.infof("Preview index over its bound of %d articles: dropped the %d oldest", config.maxArticles(),
                        oldest.size());
            }
            writer.commit();
        } catch (IOException e) {
            LOG.warnf("Preview index could not be trimmed: %s", e.getMessage());
        }
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            searchers.maybeRefreshBlocking();
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("preview index search failed", e);
        }
    }

    private static Query fetchedSince(Instant since) {
        return LongPoint.newRangeQuery(FETCHED, since.toEpochMilli(), Long.MAX_VALUE);
    }

    private static void store(Document document, String field, String value) {
        if (value != null) {
            document.add(new StoredField(field, value));
        }
    }

    private static Stored stored(Document document) {
        var published = document.getField(PUBLISHED);
        return new Stored(document.get(ID), document.get(TITLE), document.get(BODY), document.get(URL),
                document.get(SOURCE), document.get(LANGUAGE),
                published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue()),
                Instant.ofEpochMilli(document.getField(FETCHED).numericValue().longValue()));
    }

    @PreDestroy
    void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
            deleteTree(folder);
        } catch (IOException e) {
            LOG.debug("Preview index did not close cleanly", e);
        }
    }
}
