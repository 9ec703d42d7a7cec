-- Versions (ETag / If-Match): 1 when created, plus 1 on each update; existing workspaces start at 1.
-- UpdatedAt stays NULL until the first update, and reads as CreatedAt until then.
ALTER TABLE Workspaces
    ADD COLUMN Version   BIGINT NOT NULL DEFAULT 1,
    ADD COLUMN UpdatedAt TIMESTAMPTZ(3) NULL;

-- The Copilot LLMs are read back in the order they were given. Links stored before this have no recorded
-- order: they read back by LLM id.
ALTER TABLE WorkspaceCopilotLlms ADD COLUMN Position INTEGER NOT NULL DEFAULT 0;
