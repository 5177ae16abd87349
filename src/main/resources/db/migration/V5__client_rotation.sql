-- Who last rotated a client's SCIM token, and when (rotate token). The token stays in the vault.
ALTER TABLE client ADD COLUMN token_rotated_by VARCHAR(256);
ALTER TABLE client ADD COLUMN token_rotated_at TIMESTAMP WITH TIME ZONE;
