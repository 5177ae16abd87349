-- A run: one approved change to one client tenant (onboarding, token rotation, ...).
-- parameters is the JSON of the runbook's typed parameter record; it never holds a secret (secrets are
-- referenced by vault name). facts holds ids that steps found or created (group id, service principal id).
CREATE TABLE run (
    id                  VARCHAR(36) PRIMARY KEY,
    kind                VARCHAR(64) NOT NULL,
    client_name         VARCHAR(256) NOT NULL,
    parameters          VARCHAR(100000) NOT NULL,
    facts               VARCHAR(100000) NOT NULL,
    status              VARCHAR(32) NOT NULL,
    plan_version        INTEGER NOT NULL,
    conversation_id     VARCHAR(512) NOT NULL,
    requester_id        VARCHAR(64) NOT NULL,
    requester_name      VARCHAR(256),
    approver_id         VARCHAR(64),
    approver_name       VARCHAR(256),
    decision_reason     VARCHAR(2000),
    approval_expires_at TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at         TIMESTAMP WITH TIME ZONE,
    error               VARCHAR(4000)
);
CREATE INDEX run_created_idx ON run (created_at);
CREATE INDEX run_client_idx ON run (client_name);

-- One row per step of a run: what the plan said, what the step found and did, when, and why it failed.
CREATE TABLE run_step (
    run_id       VARCHAR(36) NOT NULL REFERENCES run (id),
    step_index   INTEGER NOT NULL,
    step_id      VARCHAR(64) NOT NULL,
    title        VARCHAR(256) NOT NULL,
    state        VARCHAR(32) NOT NULL,
    plan_kind    VARCHAR(16) NOT NULL,
    plan_summary VARCHAR(4000) NOT NULL,
    plan_details VARCHAR(20000),
    result       VARCHAR(4000),
    request_ids  VARCHAR(4000),
    error        VARCHAR(4000),
    attempts     INTEGER NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE,
    finished_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (run_id, step_index)
);

-- db-scheduler's table (cluster-safe durable execution of run steps and recurring jobs).
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
