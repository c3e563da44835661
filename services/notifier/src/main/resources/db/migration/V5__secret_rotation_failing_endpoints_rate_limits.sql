-- Webhook secret rotation (Standard Webhooks): after a rotation the old secret keeps signing, next
-- to the new one, until previous_secret_until; after that only the new one signs.
ALTER TABLE subscription ADD COLUMN previous_webhook_secret text;
ALTER TABLE subscription ADD COLUMN previous_secret_until timestamptz;

-- Endpoints that keep failing: failing_since is the first failed attempt without a success since
-- (null while the endpoint works). A subscription failing too long is disabled, and its owner is
-- told once: owner_notice_due is set in the transaction that disables it and cleared when the
-- mail has gone out (the subscription row is the outbox).
ALTER TABLE subscription ADD COLUMN contact_email text;
ALTER TABLE subscription ADD COLUMN failing_since timestamptz;
ALTER TABLE subscription ADD COLUMN owner_notice_due boolean NOT NULL DEFAULT false;
CREATE INDEX subscription_owner_notice_idx ON subscription (id) WHERE owner_notice_due;

-- Why a delivery ended without being sent when no attempt says so (its subscription was disabled).
ALTER TABLE delivery ADD COLUMN failure_reason text;

-- Rate limits: when an instant alert was released to its target (webhook URL or email address).
-- Counting these per target and window decides whether the next one goes out at once or waits for
-- the catch-up digest at the end of the window. Set once, at the first claim; retries keep it.
ALTER TABLE delivery ADD COLUMN released_at timestamptz;
CREATE INDEX delivery_released_idx ON delivery (released_at) WHERE released_at IS NOT NULL;
