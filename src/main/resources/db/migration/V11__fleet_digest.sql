-- The daily fleet digest (scimpilot.health.daily-digest): one row per day it was posted. The primary key is the
-- claim, as for expiry_reminder: the replica whose insert succeeds posts; a failed post deletes the row again.
CREATE TABLE fleet_digest (
    digest_day DATE PRIMARY KEY,
    sent_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
