-- Per-source full-text extraction: when set, the poller downloads each new article's page and
-- publishes its main text as the article's content instead of the feed's summary.
ALTER TABLE source ADD COLUMN full_text boolean NOT NULL DEFAULT false;
