-- One record per change of a workspace (docs/api.md, "History and change feed"), written in the change's
-- transaction. Sequence is the organization's own counter (Organizations.ChangeSequence, taken under the
-- organization row's write lock, so that records become visible in sequence order); ChangesPurgedThrough is the
-- highest sequence the retention purge removed. Changed holds the wire names of the changed fields, comma-separated.
ALTER TABLE Organizations ADD COLUMN ChangeSequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE Organizations ADD COLUMN ChangesPurgedThrough INTEGER NOT NULL DEFAULT 0;

CREATE TABLE WorkspaceChanges (
    OrganizationId INTEGER NOT NULL REFERENCES Organizations (Id),
    Sequence       INTEGER NOT NULL,
    WorkspaceId    TEXT NOT NULL,
    Name           TEXT NOT NULL,
    Operation      TEXT NOT NULL CHECK (Operation IN ('create', 'update', 'delete')),
    Version        INTEGER NOT NULL,
    AtUnixMs       INTEGER NOT NULL,
    TokenId        TEXT NOT NULL,
    TokenLabel     TEXT NULL,
    Changed        TEXT NOT NULL,
    PRIMARY KEY (OrganizationId, Sequence)
);

CREATE INDEX IX_WorkspaceChanges_Name ON WorkspaceChanges (OrganizationId, Name, Sequence);
CREATE INDEX IX_WorkspaceChanges_At ON WorkspaceChanges (AtUnixMs);
