-- Workspaces get a public id: what clients see as the workspace's id and what its version tags name. Never
-- reused, and it does not reveal how many workspaces other organizations create (the integer key comes from one
-- identity shared by all). The service writes a UUIDv7 string; existing workspaces get a random (version 4) UUID
-- here. A column is added, not a table rebuilt: dropping Workspaces would cascade to every Copilot LLM link.
ALTER TABLE dbo.Workspaces ADD PublicId NVARCHAR (36) COLLATE Latin1_General_100_BIN2 NULL;
GO

UPDATE dbo.Workspaces SET PublicId = LOWER(CONVERT(NVARCHAR (36), NEWID())) WHERE PublicId IS NULL;
ALTER TABLE dbo.Workspaces ALTER COLUMN PublicId NVARCHAR (36) COLLATE Latin1_General_100_BIN2 NOT NULL;
