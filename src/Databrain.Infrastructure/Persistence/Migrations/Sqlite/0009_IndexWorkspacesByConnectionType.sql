-- The list's connectionType filter: a page and its count read the index, not the rows. (A name prefix is a range
-- of the unique (OrganizationId, Name) index, which exists already.)
CREATE INDEX IX_Workspaces_OrganizationConnectionType ON Workspaces (OrganizationId, ConnectionType, Id);
