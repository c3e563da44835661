-- Subscription lifecycle: the recipient can unsubscribe (RFC 8058 one-click), and a webhook that
-- answers 410 Gone disables its subscription; status_reason says why, for the API.
ALTER TABLE subscription DROP CONSTRAINT subscription_status_check;
ALTER TABLE subscription ADD CONSTRAINT subscription_status_check
    CHECK (status IN ('pending', 'active', 'paused', 'unsubscribed', 'disabled'));
ALTER TABLE subscription ADD COLUMN status_reason text;

-- Confirmation links now carry signed, expiring tokens (see io.alertwire.notifier.token): nothing
-- to store, and a second confirmation mail no longer invalidates the first.
ALTER TABLE subscription DROP COLUMN confirm_token_hash;
