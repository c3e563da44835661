-- The interval the poller uses now: it starts at the source's poll_interval_seconds (the user's
-- choice, or the default) and adapts to how often the feed brings new articles, between the
-- configured minimum and maximum (see io.alertwire.fetch.poll.AdaptiveInterval).
ALTER TABLE source ADD COLUMN current_interval_seconds integer;
UPDATE source SET current_interval_seconds = poll_interval_seconds;
ALTER TABLE source ALTER COLUMN current_interval_seconds SET NOT NULL;
ALTER TABLE source ADD CONSTRAINT source_current_interval_check
    CHECK (current_interval_seconds BETWEEN 1 AND 86400);

-- One WebSub subscription per source: the hub its feed names, the topic (the feed's self URL) and
-- the secret the hub signs pushed content with. Deleted with its source.
CREATE TABLE websub_subscription (
    source_id        bigint        PRIMARY KEY REFERENCES source (id) ON DELETE CASCADE,
    hub_url          varchar(2048) NOT NULL,
    topic_url        varchar(2048) NOT NULL,
    -- HMAC key for X-Hub-Signature; random per subscription, kept across renewals, never logged
    secret           varchar(200)  NOT NULL,
    -- PENDING (to ask the hub, or asked and awaiting its verification), ACTIVE, DENIED, FAILED, EXPIRED
    state            varchar(16)   NOT NULL,
    lease_seconds    integer,
    -- when the hub (or topic) was discovered
    requested_at     timestamptz   NOT NULL,
    -- when the hub last accepted a subscription request, or null before the first
    last_request_at  timestamptz,
    verified_at      timestamptz,
    expires_at       timestamptz,
    -- when to ask the hub again: renewal before the lease ends, or a retry after a failure
    next_attempt_at  timestamptz,
    last_error       varchar(1000),
    last_push_at     timestamptz
);

-- the renewal job's queue
CREATE INDEX websub_subscription_due_idx ON websub_subscription (next_attempt_at);
