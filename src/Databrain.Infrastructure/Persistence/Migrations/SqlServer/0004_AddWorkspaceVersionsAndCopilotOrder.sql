-- Versions (ETag / If-Match): 1 when created, plus 1 on each update; existing workspaces start at 1.
-- UpdatedAt stays NULL until the first update, and reads as CreatedAt until then.
ALTER TABLE dbo.Workspaces ADD
    Version   BIGINT NOT NULL CONSTRAINT DF_Workspaces_Version DEFAULT 1,
    UpdatedAt DATETIME2 (3) NULL;

-- The Copilot LLMs are read back in the order they were given. Links stored before this have no recorded
-- order: they read back by LLM id.
ALTER TABLE dbo.WorkspaceCopilotLlms ADD Position INT NOT NULL CONSTRAINT DF_WorkspaceCopilotLlms_Position DEFAULT 0;
