-- Where unprompted reminders and alerts go: the conversation set with `alerts here` (one row, id 'default').
CREATE TABLE alert_channel (
    id              VARCHAR(16) PRIMARY KEY,
    conversation_id VARCHAR(512) NOT NULL,
    set_by_id       VARCHAR(64),
    set_by_name     VARCHAR(256),
    set_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Expiry reminders already posted: one row per client, token (its expiry) and threshold ('30', '14', '7', '3',
-- '1', 'day-of', 'expired-2026-11-03'). The primary key is the claim: the replica whose insert succeeds posts.
-- A rotation gives a new expiry, so the thresholds of the new token start from scratch.
CREATE TABLE expiry_reminder (
    client_id        VARCHAR(36) NOT NULL,
    token_expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    threshold        VARCHAR(32) NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (client_id, token_expires_at, threshold)
);

-- Provisioning incidents the watchdog has alerted on and that have not cleared yet. Opening is an insert
-- (the replica whose insert succeeds alerts), clearing is a delete (the replica whose delete succeeds says so).
CREATE TABLE provisioning_incident (
    client_id  VARCHAR(36) NOT NULL,
    kind       VARCHAR(32) NOT NULL,
    detail     VARCHAR(2000),
    opened_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (client_id, kind)
);
