-- Feeds the service polls. A row is also the work item of the poller: next_fetch_at is both the
-- schedule and the lease (a replica that claims a source pushes it forward before fetching).
CREATE TABLE source (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url                   varchar(2048) NOT NULL UNIQUE,
    -- the URL's canonical form, so that the same feed cannot be added twice under two spellings
    canonical_url         varchar(2048) NOT NULL UNIQUE,
    name                  varchar(500)  NOT NULL,
    -- detected at the first successful fetch: rss or atom
    kind                  varchar(16),
    poll_interval_seconds integer       NOT NULL CHECK (poll_interval_seconds BETWEEN 60 AND 86400),
    enabled               boolean       NOT NULL DEFAULT true,
    etag                  varchar(1024),
    last_modified         varchar(256),
    last_status           integer,
    last_error            varchar(1000),
    consecutive_failures  integer       NOT NULL DEFAULT 0,
    last_fetched_at       timestamptz,
    next_fetch_at         timestamptz   NOT NULL,
    created_at            timestamptz   NOT NULL
);

-- the poller's claim query: enabled sources by due time
CREATE INDEX source_due_idx ON source (next_fetch_at) WHERE enabled;
