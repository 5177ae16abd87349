-- A form (or confirmation) is used once: the first submit inserts its claim, a second click or a replay that raced
-- past the "is it still open" check finds the row there and changes nothing. Works across replicas.
CREATE TABLE interaction_claim (
    interaction_id  VARCHAR(256) PRIMARY KEY,
    conversation_id VARCHAR(512) NOT NULL,
    claimed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX interaction_claim_age_idx ON interaction_claim (claimed_at);
