-- Conversation references, kept for proactive messages (reminders, run progress after a restart).
-- Written on install and on every inbound activity; the JSON is the Bot SDK's ConversationReference.
CREATE TABLE conversation_reference (
    conversation_id   VARCHAR(512) PRIMARY KEY,
    tenant_id         VARCHAR(64),
    conversation_type VARCHAR(32),
    team_id           VARCHAR(512),
    service_url       VARCHAR(1024) NOT NULL,
    reference_json    VARCHAR(8000) NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The Bot SDK's Storage (conversation and user state), on the database so that any replica can
-- continue a conversation and a restart loses nothing. Never holds secrets.
CREATE TABLE bot_state (
    state_key   VARCHAR(1024) PRIMARY KEY,
    etag        VARCHAR(64) NOT NULL,
    type_name   VARCHAR(512) NOT NULL,
    document    VARCHAR(1000000) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Cards the bot sent and will update in place (one progress card per run, a plan card, ...).
CREATE TABLE card_message (
    card_key        VARCHAR(256) PRIMARY KEY,
    conversation_id VARCHAR(512) NOT NULL,
    activity_id     VARCHAR(256) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
