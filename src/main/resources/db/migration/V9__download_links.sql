-- Links the bot posts for files (run evidence, registry CSV, expiry calendar). Only a SHA-256 of the random link
-- token is kept; the file is rendered when the link is opened.
CREATE TABLE download_link (
    token_hash  VARCHAR(64) PRIMARY KEY,
    kind        VARCHAR(64) NOT NULL,
    subject     VARCHAR(256) NOT NULL,
    filename    VARCHAR(256) NOT NULL,
    created_by  VARCHAR(64),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX download_link_expiry_idx ON download_link (expires_at);
