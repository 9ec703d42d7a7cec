-- Workspaces. The unique index on (OrganizationId, Name) is what guarantees uniqueness when creates race;
-- the service's pre-check only chooses the right error first.
CREATE TABLE dbo.Workspaces (
    Id                        BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT PK_Workspaces PRIMARY KEY,
    OrganizationId            BIGINT NOT NULL CONSTRAINT FK_Workspaces_Organizations REFERENCES dbo.Organizations (Id),
    Name                      NVARCHAR (100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    ConnectionType            NVARCHAR (20) COLLATE Latin1_General_100_BIN2 NOT NULL
        CONSTRAINT CK_Workspaces_ConnectionType CHECK (ConnectionType IN (N'DATASOURCE', N'DATAMART', N'MULTI_DATASOURCE', N'MULTI_DATAMART')),
    DatasourceId              BIGINT NULL CONSTRAINT FK_Workspaces_Datasources REFERENCES dbo.Datasources (Id),
    DatamartId                BIGINT NULL CONSTRAINT FK_Workspaces_Datamarts REFERENCES dbo.Datamarts (Id),
    LlmId                     BIGINT NULL CONSTRAINT FK_Workspaces_Llms REFERENCES dbo.Llms (Id),
    IsEnableMetricSuggestions BIT NOT NULL,
    IsEnableMetricSummary     BIT NOT NULL,
    SummaryType               NVARCHAR (40) COLLATE Latin1_General_100_BIN2 NULL,
    CustomSummaryPrompt       NVARCHAR (2000) COLLATE Latin1_General_100_BIN2 NULL,
    ThemeId                   BIGINT NULL CONSTRAINT FK_Workspaces_Themes REFERENCES dbo.Themes (Id),
    CreatedAt                 DATETIME2 (3) NOT NULL CONSTRAINT DF_Workspaces_CreatedAt DEFAULT SYSUTCDATETIME()
);

CREATE UNIQUE INDEX UX_Workspaces_Organization_Name ON dbo.Workspaces (OrganizationId, Name);

-- The LLMs AI Copilot offers in a workspace; written in the same transaction as the workspace.
CREATE TABLE dbo.WorkspaceCopilotLlms (
    WorkspaceId BIGINT NOT NULL CONSTRAINT FK_WorkspaceCopilotLlms_Workspaces REFERENCES dbo.Workspaces (Id) ON DELETE CASCADE,
    LlmId       BIGINT NOT NULL CONSTRAINT FK_WorkspaceCopilotLlms_Llms REFERENCES dbo.Llms (Id),
    CONSTRAINT PK_WorkspaceCopilotLlms PRIMARY KEY (WorkspaceId, LlmId)
);
