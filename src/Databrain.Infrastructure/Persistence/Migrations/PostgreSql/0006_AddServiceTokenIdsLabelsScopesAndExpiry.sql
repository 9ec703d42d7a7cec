-- Service tokens get a public id (not a secret: the admin commands name a token by it), an optional label, a
-- scope ('write' allows everything, 'read' only GET) and an optional expiry (Unix milliseconds, UTC).
-- Tokens issued before keep working: scope 'write', no expiry, no label, and an id of their own.
ALTER TABLE ServiceTokens
    ADD COLUMN PublicId        VARCHAR(36) COLLATE "C" NULL,
    ADD COLUMN Label           VARCHAR(100) COLLATE "C" NULL,
    ADD COLUMN Scope           VARCHAR(5) COLLATE "C" NOT NULL DEFAULT 'write' CONSTRAINT CK_ServiceTokens_Scope CHECK (Scope IN ('read', 'write')),
    ADD COLUMN ExpiresAtUnixMs BIGINT NULL;

UPDATE ServiceTokens SET PublicId = 'tok_' || replace(gen_random_uuid()::text, '-', '') WHERE PublicId IS NULL;
ALTER TABLE ServiceTokens ALTER COLUMN PublicId SET NOT NULL;

CREATE UNIQUE INDEX UX_ServiceTokens_PublicId ON ServiceTokens (PublicId);
CREATE INDEX IX_ServiceTokens_Organization ON ServiceTokens (OrganizationId, Id);
