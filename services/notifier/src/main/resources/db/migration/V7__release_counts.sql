-- Rate limits: how many instant alerts each target (a webhook URL, an email address) was handed in
-- each clock-aligned window. A claim reads and raises the counts of its batch's targets in two
-- statements, instead of counting the window's released deliveries once per target; the row lock
-- also keeps two replicas from both granting a target's last alert of a window. Old windows are
-- purged by the notifier. The window current at the upgrade starts again from zero.
CREATE TABLE release_count (
    target       text        NOT NULL,
    window_start timestamptz NOT NULL,
    released     integer     NOT NULL,
    PRIMARY KEY (target, window_start)
);
CREATE INDEX release_count_window_idx ON release_count (window_start);

-- released_at stays on the delivery, for the log; nothing counts over it any more.
DROP INDEX delivery_released_idx;
