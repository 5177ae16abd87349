-- The last provisioning health check per client (check provisioning): shown by `client <name>` and `clients`.
CREATE TABLE health_check (
    client_id   VARCHAR(64) PRIMARY KEY,
    checked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    overall     VARCHAR(16) NOT NULL,
    issue       VARCHAR(400) NOT NULL
);

-- Download links for `clients csv`: only a SHA-256 of the unguessable token is stored; any replica can serve it.
CREATE TABLE export_link (
    token_hash  VARCHAR(64) PRIMARY KEY,
    kind        VARCHAR(32) NOT NULL,
    created_by  VARCHAR(64),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
