-- One record per change of a workspace (docs/api.md, "History and change feed"), written in the change's
-- transaction. Sequence is the organization's own counter (Organizations.ChangeSequence, taken under the
-- organization row's write lock, so that records become visible in sequence order); ChangesPurgedThrough is the
-- highest sequence the retention purge removed. Changed holds the wire names of the changed fields, comma-separated.
ALTER TABLE dbo.Organizations ADD
    ChangeSequence       BIGINT NOT NULL CONSTRAINT DF_Organizations_ChangeSequence DEFAULT 0,
    ChangesPurgedThrough BIGINT NOT NULL CONSTRAINT DF_Organizations_ChangesPurgedThrough DEFAULT 0;
GO

CREATE TABLE dbo.WorkspaceChanges (
    OrganizationId BIGINT NOT NULL CONSTRAINT FK_WorkspaceChanges_Organizations REFERENCES dbo.Organizations (Id),
    Sequence       BIGINT NOT NULL,
    WorkspaceId    NVARCHAR (36) COLLATE Latin1_General_100_BIN2 NOT NULL,
    Name           NVARCHAR (100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    Operation      NVARCHAR (6) COLLATE Latin1_General_100_BIN2 NOT NULL
        CONSTRAINT CK_WorkspaceChanges_Operation CHECK (Operation IN (N'create', N'update', N'delete')),
    Version        BIGINT NOT NULL,
    AtUnixMs       BIGINT NOT NULL,
    TokenId        NVARCHAR (36) COLLATE Latin1_General_100_BIN2 NOT NULL,
    TokenLabel     NVARCHAR (100) COLLATE Latin1_General_100_BIN2 NULL,
    Changed        NVARCHAR (400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT PK_WorkspaceChanges PRIMARY KEY (OrganizationId, Sequence)
);

-- A name is stored as the workspace had it: it never ends with a space ("=" would ignore one).
ALTER TABLE dbo.WorkspaceChanges WITH CHECK ADD CONSTRAINT CK_WorkspaceChanges_Name_NoTrailingSpace CHECK (DATALENGTH(Name) = DATALENGTH(RTRIM(Name)));

CREATE INDEX IX_WorkspaceChanges_Name ON dbo.WorkspaceChanges (OrganizationId, Name, Sequence);
CREATE INDEX IX_WorkspaceChanges_At ON dbo.WorkspaceChanges (AtUnixMs);
