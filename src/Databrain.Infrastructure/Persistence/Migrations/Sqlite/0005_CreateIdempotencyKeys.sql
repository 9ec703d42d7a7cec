-- Remembered answers of keyed writes (Idempotency-Key): one per organization and key, written in the same
-- transaction as the write it answers. Times are Unix milliseconds (UTC), the same on both providers and
-- compared as numbers. A key expires at ExpiresAtUnixMs; the service purges expired ones by Id.
CREATE TABLE IdempotencyKeys (
    Id             INTEGER PRIMARY KEY,
    OrganizationId INTEGER NOT NULL REFERENCES Organizations (Id),
    IdempotencyKey TEXT    NOT NULL,
    Fingerprint    TEXT    NOT NULL,
    ErrorCode      TEXT    NULL,
    ErrorMessage   TEXT    NULL,
    Value          TEXT    NULL,
    CreatedAtUnixMs INTEGER NOT NULL,
    ExpiresAtUnixMs INTEGER NOT NULL,
    CONSTRAINT UX_IdempotencyKeys_Organization_Key UNIQUE (OrganizationId, IdempotencyKey)
);

CREATE INDEX IX_IdempotencyKeys_ExpiresAt ON IdempotencyKeys (ExpiresAtUnixMs);
