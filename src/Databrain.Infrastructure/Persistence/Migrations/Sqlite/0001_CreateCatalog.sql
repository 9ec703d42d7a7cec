-- The organization catalog: managed elsewhere in the Databrain platform, read by this service,
-- written here only by the admin command line (seed, token create).
-- Names compare exactly: SQLite's default BINARY collation is ordinal and case-sensitive.
CREATE TABLE Organizations (
    Id        INTEGER PRIMARY KEY,
    Name      TEXT    NOT NULL,
    CreatedAt TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT UX_Organizations_Name UNIQUE (Name)
);

-- Only the SHA-256 of a token is stored (lowercase hex); the plaintext is shown once, when issued.
CREATE TABLE ServiceTokens (
    Id             INTEGER PRIMARY KEY,
    OrganizationId INTEGER NOT NULL REFERENCES Organizations (Id),
    TokenHash      TEXT    NOT NULL,
    CreatedAt      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    RevokedAt      TEXT    NULL,
    CONSTRAINT UX_ServiceTokens_TokenHash UNIQUE (TokenHash)
);

CREATE TABLE Datasources (
    Id             INTEGER PRIMARY KEY,
    OrganizationId INTEGER NOT NULL REFERENCES Organizations (Id),
    Name           TEXT    NOT NULL,
    CONSTRAINT UX_Datasources_Organization_Name UNIQUE (OrganizationId, Name)
);

CREATE TABLE Datamarts (
    Id             INTEGER PRIMARY KEY,
    OrganizationId INTEGER NOT NULL REFERENCES Organizations (Id),
    Name           TEXT    NOT NULL,
    CONSTRAINT UX_Datamarts_Organization_Name UNIQUE (OrganizationId, Name)
);

CREATE TABLE Llms (
    Id             INTEGER PRIMARY KEY,
    OrganizationId INTEGER NOT NULL REFERENCES Organizations (Id),
    Name           TEXT    NOT NULL,
    CONSTRAINT UX_Llms_Organization_Name UNIQUE (OrganizationId, Name)
);

CREATE TABLE Themes (
    Id             INTEGER PRIMARY KEY,
    OrganizationId INTEGER NOT NULL REFERENCES Organizations (Id),
    Name           TEXT    NOT NULL,
    CONSTRAINT UX_Themes_Organization_Name UNIQUE (OrganizationId, Name)
);
