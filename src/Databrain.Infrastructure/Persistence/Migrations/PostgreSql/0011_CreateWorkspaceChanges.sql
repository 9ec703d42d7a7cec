-- One record per change of a workspace (docs/api.md, "History and change feed"), written in the change's
-- transaction. Sequence is the organization's own counter (Organizations.ChangeSequence, taken under the
-- organization row's write lock, so that records become visible in sequence order); ChangesPurgedThrough is the
-- highest sequence the retention purge removed. Changed holds the wire names of the changed fields, comma-separated.
ALTER TABLE Organizations ADD COLUMN ChangeSequence BIGINT NOT NULL DEFAULT 0;
ALTER TABLE Organizations ADD COLUMN ChangesPurgedThrough BIGINT NOT NULL DEFAULT 0;

CREATE TABLE WorkspaceChanges (
    OrganizationId BIGINT NOT NULL REFERENCES Organizations (Id),
    Sequence       BIGINT NOT NULL,
    WorkspaceId    VARCHAR(36) COLLATE "C" NOT NULL,
    Name           VARCHAR(100) COLLATE "C" NOT NULL,
    Operation      VARCHAR(6) COLLATE "C" NOT NULL CHECK (Operation IN ('create', 'update', 'delete')),
    Version        BIGINT NOT NULL,
    AtUnixMs       BIGINT NOT NULL,
    TokenId        VARCHAR(36) COLLATE "C" NOT NULL,
    TokenLabel     VARCHAR(100) COLLATE "C" NULL,
    Changed        VARCHAR(400) COLLATE "C" NOT NULL,
    PRIMARY KEY (OrganizationId, Sequence)
);

CREATE INDEX IX_WorkspaceChanges_Name ON WorkspaceChanges (OrganizationId, Name, Sequence);
CREATE INDEX IX_WorkspaceChanges_At ON WorkspaceChanges (AtUnixMs);
