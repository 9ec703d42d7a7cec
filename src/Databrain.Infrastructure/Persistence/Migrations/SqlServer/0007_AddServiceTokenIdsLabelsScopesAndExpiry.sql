-- Service tokens get a public id (not a secret: the admin commands name a token by it), an optional label, a
-- scope ('write' allows everything, 'read' only GET) and an optional expiry (Unix milliseconds, UTC).
-- Tokens issued before keep working: scope 'write', no expiry, no label, and an id of their own.
ALTER TABLE dbo.ServiceTokens ADD
    PublicId        NVARCHAR (36) COLLATE Latin1_General_100_BIN2 NULL,
    Label           NVARCHAR (100) COLLATE Latin1_General_100_BIN2 NULL,
    Scope           NVARCHAR (5) COLLATE Latin1_General_100_BIN2 NOT NULL
        CONSTRAINT DF_ServiceTokens_Scope DEFAULT N'write'
        CONSTRAINT CK_ServiceTokens_Scope CHECK (Scope IN (N'read', N'write')),
    ExpiresAtUnixMs BIGINT NULL;
GO

UPDATE dbo.ServiceTokens SET PublicId = N'tok_' + LOWER(REPLACE(CONVERT(NVARCHAR (36), NEWID()), N'-', N'')) WHERE PublicId IS NULL;
ALTER TABLE dbo.ServiceTokens ALTER COLUMN PublicId NVARCHAR (36) COLLATE Latin1_General_100_BIN2 NOT NULL;

CREATE UNIQUE INDEX UX_ServiceTokens_PublicId ON dbo.ServiceTokens (PublicId);
CREATE INDEX IX_ServiceTokens_Organization ON dbo.ServiceTokens (OrganizationId, Id);
