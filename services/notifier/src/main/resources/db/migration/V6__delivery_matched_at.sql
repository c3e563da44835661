-- When the article of the match that created a delivery was fetched (the match's alertwire-fetched-at
-- header; without it, the match's Kafka record timestamp): the start of
-- the alert latency the notifier reports (alertwire_notifier_alert_latency_seconds). Null for rows
-- created before this column existed; they are left out of the latency.
ALTER TABLE delivery ADD COLUMN matched_at timestamptz;
