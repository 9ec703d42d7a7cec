-- Workspaces get a public id: what clients see as the workspace's id and what its version tags name. Never
-- reused (SQLite may give a deleted row's integer key to the next row), and it does not reveal how many
-- workspaces other organizations create. The service writes a UUIDv7 string; existing workspaces get a random
-- (version 4) UUID here. A column is added, not a table rebuilt: dropping Workspaces would cascade to every
-- Copilot LLM link. SQLite cannot add a NOT NULL column without a default; every insert gives one.
ALTER TABLE Workspaces ADD COLUMN PublicId TEXT NULL;

UPDATE Workspaces
SET PublicId = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)
    || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))
WHERE PublicId IS NULL;
