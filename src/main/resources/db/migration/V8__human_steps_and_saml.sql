-- Human steps (issue 5): when a run started waiting for a person, and when its requester was last reminded.
ALTER TABLE run ADD COLUMN waiting_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE run ADD COLUMN reminded_at TIMESTAMP WITH TIME ZONE;

-- SAML SSO on the client's enterprise app: the token-signing certificate Graph created (it expires after 3 years).
ALTER TABLE client ADD COLUMN saml_cert_thumbprint VARCHAR(64);
ALTER TABLE client ADD COLUMN saml_cert_expires_at TIMESTAMP WITH TIME ZONE;
