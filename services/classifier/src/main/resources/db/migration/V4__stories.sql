-- Stories: near-duplicate articles (wire copies, syndicated cuts, updates, retitled copies) share a story.
-- Every classified article with words in it has one row; the story id is the articleId of the story's
-- first article. Shared by every replica; see io.alertwire.classifier.story.package-info.
CREATE TABLE story_article (
    article_id   text PRIMARY KEY,
    story_id     text NOT NULL,
    -- arrival order: "already in the story" means a lower seq
    seq          bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    url          text NOT NULL,
    source_name  text,
    title        text,
    language     text,
    published_at timestamptz,
    fetched_at   timestamptz NOT NULL,
    shingles     integer NOT NULL CHECK (shingles >= 0),
    signature    bytea NOT NULL,          -- MinHash: 128 big-endian longs
    similarity   real,                    -- to the article it joined the story through; null for a story's first
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX story_article_story ON story_article (story_id, seq);
CREATE INDEX story_article_recorded ON story_article (recorded_at);

-- LSH bands of each article's signature: two articles with one equal band are candidates of each other.
-- Looked up by band_key only (the primary key), on purpose: an index on a time column here would
-- tempt the planner's generic plans into scanning every band of the window.
CREATE TABLE story_band (
    band_key   bigint NOT NULL,
    article_id text NOT NULL REFERENCES story_article (article_id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, article_id)
);
CREATE INDEX story_band_article ON story_band (article_id);
