-- Digests (see io.alertwire.notifier.digest): a delivery of an hourly or daily subscription waits
-- for the subscription's next digest time, then goes out together with the others of that digest.
-- The digest time the delivery waits for (next_attempt_at starts equal to it); null: an instant alert.
ALTER TABLE delivery ADD COLUMN digest_at timestamptz;
-- The digest the delivery went into, set when the digest job claims it and kept through retries:
-- the webhook-id of a digest webhook, so a repeat after a crash is recognisable. Null until claimed.
ALTER TABLE delivery ADD COLUMN digest_id uuid;

CREATE INDEX delivery_digest_due_idx ON delivery (next_attempt_at) WHERE status = 'pending' AND digest_at IS NOT NULL;
