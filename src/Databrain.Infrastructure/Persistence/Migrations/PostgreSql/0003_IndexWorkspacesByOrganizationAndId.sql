-- "Oldest first" lists read an organization's workspaces in Id order: an index scan instead of a sort of
-- every workspace of the organization for each page.
CREATE INDEX IX_Workspaces_Organization_Id ON Workspaces (OrganizationId, Id);
