-- Workspaces. The unique index on (OrganizationId, Name) is what guarantees uniqueness when creates race;
-- the service's pre-check only chooses the right error first.
CREATE TABLE Workspaces (
    Id                        INTEGER PRIMARY KEY,
    OrganizationId            INTEGER NOT NULL REFERENCES Organizations (Id),
    Name                      TEXT    NOT NULL,
    ConnectionType            TEXT    NOT NULL
        CHECK (ConnectionType IN ('DATASOURCE', 'DATAMART', 'MULTI_DATASOURCE', 'MULTI_DATAMART')),
    DatasourceId              INTEGER NULL REFERENCES Datasources (Id),
    DatamartId                INTEGER NULL REFERENCES Datamarts (Id),
    LlmId                     INTEGER NULL REFERENCES Llms (Id),
    IsEnableMetricSuggestions INTEGER NOT NULL CHECK (IsEnableMetricSuggestions IN (0, 1)),
    IsEnableMetricSummary     INTEGER NOT NULL CHECK (IsEnableMetricSummary IN (0, 1)),
    SummaryType               TEXT    NULL,
    CustomSummaryPrompt       TEXT    NULL,
    ThemeId                   INTEGER NULL REFERENCES Themes (Id),
    CreatedAt                 TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE UNIQUE INDEX UX_Workspaces_Organization_Name ON Workspaces (OrganizationId, Name);

-- The LLMs AI Copilot offers in a workspace; written in the same transaction as the workspace.
CREATE TABLE WorkspaceCopilotLlms (
    WorkspaceId INTEGER NOT NULL REFERENCES Workspaces (Id) ON DELETE CASCADE,
    LlmId       INTEGER NOT NULL REFERENCES Llms (Id),
    PRIMARY KEY (WorkspaceId, LlmId)
);
