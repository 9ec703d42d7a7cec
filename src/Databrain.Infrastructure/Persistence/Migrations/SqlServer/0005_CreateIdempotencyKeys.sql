-- Remembered answers of keyed writes (Idempotency-Key): one per organization and key, written in the same
-- transaction as the write it answers. Times are Unix milliseconds (UTC), the same on both providers and
-- compared as numbers. A key expires at ExpiresAtUnixMs; the service purges expired ones by Id.
-- The key compares exactly (binary collation), as the contract says.
CREATE TABLE dbo.IdempotencyKeys (
    Id             BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT PK_IdempotencyKeys PRIMARY KEY,
    OrganizationId BIGINT NOT NULL CONSTRAINT FK_IdempotencyKeys_Organizations REFERENCES dbo.Organizations (Id),
    IdempotencyKey NVARCHAR (255) COLLATE Latin1_General_100_BIN2 NOT NULL,
    Fingerprint    NVARCHAR (64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    ErrorCode      NVARCHAR (64) COLLATE Latin1_General_100_BIN2 NULL,
    ErrorMessage   NVARCHAR (2000) COLLATE Latin1_General_100_BIN2 NULL,
    Value          NVARCHAR (MAX) COLLATE Latin1_General_100_BIN2 NULL,
    CreatedAtUnixMs BIGINT NOT NULL,
    ExpiresAtUnixMs BIGINT NOT NULL,
    CONSTRAINT UX_IdempotencyKeys_Organization_Key UNIQUE (OrganizationId, IdempotencyKey)
);

CREATE INDEX IX_IdempotencyKeys_ExpiresAt ON dbo.IdempotencyKeys (ExpiresAtUnixMs);
