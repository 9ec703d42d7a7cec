-- Service tokens get a public id (not a secret: the admin commands name a token by it), an optional label, a
-- scope ('write' allows everything, 'read' only GET) and an optional expiry (Unix milliseconds, UTC).
-- Tokens issued before keep working: scope 'write', no expiry, no label, and an id of their own.
ALTER TABLE ServiceTokens ADD COLUMN PublicId TEXT NULL;
ALTER TABLE ServiceTokens ADD COLUMN Label TEXT NULL;
ALTER TABLE ServiceTokens ADD COLUMN Scope TEXT NOT NULL DEFAULT 'write' CHECK (Scope IN ('read', 'write'));
ALTER TABLE ServiceTokens ADD COLUMN ExpiresAtUnixMs INTEGER NULL;

UPDATE ServiceTokens SET PublicId = 'tok_' || lower(hex(randomblob(16))) WHERE PublicId IS NULL;

CREATE UNIQUE INDEX UX_ServiceTokens_PublicId ON ServiceTokens (PublicId);
CREATE INDEX IX_ServiceTokens_Organization ON ServiceTokens (OrganizationId, Id);
