-- Workspaces get a public id: what clients see as the workspace's id and what its version tags name. Never
-- reused, and it does not reveal how many workspaces other organizations create (the integer key comes from one
-- sequence shared by all). The service writes a UUIDv7 string; existing workspaces get a random (version 4) UUID
-- here. A column is added, not a table rebuilt: dropping Workspaces would cascade to every Copilot LLM link.
ALTER TABLE Workspaces ADD COLUMN PublicId VARCHAR(36) COLLATE "C" NULL;
UPDATE Workspaces SET PublicId = gen_random_uuid()::text WHERE PublicId IS NULL;
ALTER TABLE Workspaces ALTER COLUMN PublicId SET NOT NULL;
