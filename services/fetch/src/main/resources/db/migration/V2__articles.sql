-- Every article the service has seen, unique by article_id (SHA-256 of the canonical URL), so an
-- article found again, in any source, is never published twice. The table is also the outbox:
-- rows with sent_at null are waiting for the relay to publish them to alertwire.articles.v1.
CREATE TABLE article (
    article_id    char(64)      PRIMARY KEY,
    -- the source that found it first; kept (as null) when the source is deleted, so that the
    -- article stays remembered and is not published again by another source
    source_id     bigint        REFERENCES source (id) ON DELETE SET NULL,
    url           varchar(4096) NOT NULL,
    canonical_url varchar(4096) NOT NULL,
    title         text,
    -- when the article says it was published (may be unknown)
    published_at  timestamptz,
    fetched_at    timestamptz   NOT NULL,
    -- the exact ArticleEvent JSON that goes on the wire (text, not jsonb, so it is sent byte for byte)
    payload       text          NOT NULL,
    -- null until the broker acknowledged the record
    sent_at       timestamptz
);

-- the relay's queue of unsent rows
CREATE INDEX article_unsent_idx ON article (fetched_at) WHERE sent_at IS NULL;
-- the operators' listing, newest first, optionally per source
CREATE INDEX article_fetched_idx ON article (fetched_at DESC);
CREATE INDEX article_source_fetched_idx ON article (source_id, fetched_at DESC);
