-- Subscriptions: who wants alerts for which topics, and how.
CREATE TABLE subscription (
    id                   uuid PRIMARY KEY,
    -- topic slugs (lower-case, non-alphanumerics collapsed to '-'): a topic id and its name slug alike
    topics               text[]           NOT NULL,
    channel_type         text             NOT NULL CHECK (channel_type IN ('email', 'webhook')),
    email_address        text,
    webhook_url          text,
    -- needed in clear to sign every webhook; never returned after creation
    webhook_secret       text,
    mode                 text             NOT NULL CHECK (mode IN ('instant', 'hourly', 'daily')),
    digest_at            time,
    timezone             text,
    min_score            double precision NOT NULL DEFAULT 0,
    languages            text[]           NOT NULL DEFAULT '{}',
    status               text             NOT NULL CHECK (status IN ('pending', 'active', 'paused')),
    -- SHA-256 (hex) of the confirmation token; the token itself exists only in the mail
    confirm_token_hash   text UNIQUE,
    confirmation_sent_at timestamptz,
    created_at           timestamptz      NOT NULL,
    CONSTRAINT subscription_channel_complete CHECK (
        (channel_type = 'email' AND email_address IS NOT NULL)
        OR (channel_type = 'webhook' AND webhook_url IS NOT NULL AND webhook_secret IS NOT NULL))
);

-- matching a story's topic against every subscription's topics
CREATE INDEX subscription_topics_idx ON subscription USING gin (topics);
-- the confirmation outbox
CREATE INDEX subscription_unconfirmed_idx ON subscription (created_at)
    WHERE status = 'pending' AND confirmation_sent_at IS NULL;
