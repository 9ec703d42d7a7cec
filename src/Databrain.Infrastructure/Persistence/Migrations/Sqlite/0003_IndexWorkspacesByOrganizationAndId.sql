-- "Oldest first" lists read an organization's workspaces in Id order. Without this index SQLite sorts every
-- workspace of the organization for each page (measured by build/bench.sh: list slowed as workspaces grew).
CREATE INDEX IX_Workspaces_Organization_Id ON Workspaces (OrganizationId, Id);
