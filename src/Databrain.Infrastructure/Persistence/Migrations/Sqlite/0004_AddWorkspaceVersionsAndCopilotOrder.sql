-- Versions (ETag / If-Match): 1 when created, plus 1 on each update; existing workspaces start at 1.
-- UpdatedAt stays NULL until the first update, and reads as CreatedAt until then (SQLite cannot add a
-- column whose default is the current time).
ALTER TABLE Workspaces ADD COLUMN Version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE Workspaces ADD COLUMN UpdatedAt TEXT NULL;

-- The Copilot LLMs are read back in the order they were given. Links stored before this have no recorded
-- order: they read back by LLM id.
ALTER TABLE WorkspaceCopilotLlms ADD COLUMN Position INTEGER NOT NULL DEFAULT 0;
