-- Webhooks as an integrator operates them: a subscription can be paused (no deliveries until
-- resumed); a target that keeps failing is parked (listed, resumable) instead of retried forever;
-- a replay moves the cursor back, and raises the generation so that a delivery in flight when it
-- happened cannot move the cursor forward again. next_attempt_at is only set while a retry is due.
ALTER TABLE query.subscription ADD COLUMN paused BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE query.subscription ADD COLUMN parked_at TIMESTAMPTZ;
ALTER TABLE query.subscription ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
ALTER TABLE query.subscription ALTER COLUMN next_attempt_at DROP NOT NULL;
UPDATE query.subscription SET next_attempt_at = NULL WHERE failures = 0;

-- A delivery sent again on request, outside the subscription's order.
ALTER TABLE query.delivery_attempt ADD COLUMN redelivery BOOLEAN NOT NULL DEFAULT false;
