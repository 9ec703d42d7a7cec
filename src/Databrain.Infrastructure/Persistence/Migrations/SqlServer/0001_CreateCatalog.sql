-- The organization catalog: managed elsewhere in the Databrain platform, read by this service,
-- written here only by the admin command line (seed, token create).
-- Every character column uses a binary collation: the server default is case-insensitive, while the API
-- compares names exactly (ordinal, case-sensitive). No collation stops "=" from ignoring trailing spaces
-- (SQL Server pads the shorter side with spaces under every collation): 'a' = 'a ' holds even here. The
-- name rule refuses trailing white space, and 0006 adds check constraints that keep it so.
CREATE TABLE dbo.Organizations (
    Id        BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT PK_Organizations PRIMARY KEY,
    Name      NVARCHAR (100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    CreatedAt DATETIME2 (3) NOT NULL CONSTRAINT DF_Organizations_CreatedAt DEFAULT SYSUTCDATETIME(),
    CONSTRAINT UX_Organizations_Name UNIQUE (Name)
);

-- Only the SHA-256 of a token is stored (lowercase hex); the plaintext is shown once, when issued.
CREATE TABLE dbo.ServiceTokens (
    Id             BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT PK_ServiceTokens PRIMARY KEY,
    OrganizationId BIGINT NOT NULL CONSTRAINT FK_ServiceTokens_Organizations REFERENCES dbo.Organizations (Id),
    TokenHash      NVARCHAR (64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    CreatedAt      DATETIME2 (3) NOT NULL CONSTRAINT DF_ServiceTokens_CreatedAt DEFAULT SYSUTCDATETIME(),
    RevokedAt      DATETIME2 (3) NULL,
    CONSTRAINT UX_ServiceTokens_TokenHash UNIQUE (TokenHash)
);

CREATE TABLE dbo.Datasources (
    Id             BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT PK_Datasources PRIMARY KEY,
    OrganizationId BIGINT NOT NULL CONSTRAINT FK_Datasources_Organizations REFERENCES dbo.Organizations (Id),
    Name           NVARCHAR (100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT UX_Datasources_Organization_Name UNIQUE (OrganizationId, Name)
);

CREATE TABLE dbo.Datamarts (
    Id             BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT PK_Datamarts PRIMARY KEY,
    OrganizationId BIGINT NOT NULL CONSTRAINT FK_Datamarts_Organizations REFERENCES dbo.Organizations (Id),
    Name           NVARCHAR (100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT UX_Datamarts_Organization_Name UNIQUE (OrganizationId, Name)
);

CREATE TABLE dbo.Llms (
    Id             BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT PK_Llms PRIMARY KEY,
    OrganizationId BIGINT NOT NULL CONSTRAINT FK_Llms_Organizations REFERENCES dbo.Organizations (Id),
    Name           NVARCHAR (100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT UX_Llms_Organization_Name UNIQUE (OrganizationId, Name)
);

CREATE TABLE dbo.Themes (
    Id             BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT PK_Themes PRIMARY KEY,
    OrganizationId BIGINT NOT NULL CONSTRAINT FK_Themes_Organizations REFERENCES dbo.Organizations (Id),
    Name           NVARCHAR (100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT UX_Themes_Organization_Name UNIQUE (OrganizationId, Name)
);
