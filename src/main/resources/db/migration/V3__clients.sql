-- The client registry (the runbook's "Client Registry" table) plus what SCIM Pilot set up in each tenant.
-- The SCIM token itself is never here: only where it is in the vault, and when it was issued and expires.
CREATE TABLE client (
    id                    VARCHAR(36) PRIMARY KEY,
    name                  VARCHAR(256) NOT NULL,
    name_key              VARCHAR(256) NOT NULL UNIQUE,
    ninja_org_id          BIGINT NOT NULL,
    ninja_org_name        VARCHAR(256),
    email_domain          VARCHAR(256) NOT NULL,
    tenant_id             VARCHAR(36) NOT NULL,
    switch_keys           VARCHAR(4000) NOT NULL,
    fallback              VARCHAR(16) NOT NULL,
    group_name            VARCHAR(256),
    group_id              VARCHAR(64),
    app_name              VARCHAR(256),
    app_object_id         VARCHAR(64),
    app_id                VARCHAR(64),
    service_principal_id  VARCHAR(64),
    job_id                VARCHAR(256),
    scim_url              VARCHAR(1000),
    scim_token_name       VARCHAR(256),
    scim_token_version    VARCHAR(64),
    scim_token_issued_at  TIMESTAMP WITH TIME ZONE,
    scim_token_expires_at TIMESTAMP WITH TIME ZONE,
    conversation_id       VARCHAR(512),
    onboarded_by          VARCHAR(256),
    onboarded_at          TIMESTAMP WITH TIME ZONE,
    last_run_id           VARCHAR(36),
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX client_domain_idx ON client (email_domain);
