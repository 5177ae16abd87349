-- The last provisioning health check per client (check provisioning): shown by `client <name>` and `clients`.
CREATE TABLE health_check (
    client_id   VARCHAR(64) PRIMARY KEY,
    checked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    overall     VARCHAR(16) NOT NULL,
    issue       VARCHAR(400) NOT NULL
);

