-- Names stay exact: "=" ignores trailing spaces under every collation (0001), so no stored name may end with
-- one; the API's name rule refuses them already, and these constraints keep it so for any other writer.
-- DATALENGTH counts trailing spaces, where LEN and "=" do not.
ALTER TABLE dbo.Organizations WITH CHECK ADD CONSTRAINT CK_Organizations_Name_NoTrailingSpace CHECK (DATALENGTH(Name) = DATALENGTH(RTRIM(Name)));
ALTER TABLE dbo.Datasources WITH CHECK ADD CONSTRAINT CK_Datasources_Name_NoTrailingSpace CHECK (DATALENGTH(Name) = DATALENGTH(RTRIM(Name)));
ALTER TABLE dbo.Datamarts WITH CHECK ADD CONSTRAINT CK_Datamarts_Name_NoTrailingSpace CHECK (DATALENGTH(Name) = DATALENGTH(RTRIM(Name)));
ALTER TABLE dbo.Llms WITH CHECK ADD CONSTRAINT CK_Llms_Name_NoTrailingSpace CHECK (DATALENGTH(Name) = DATALENGTH(RTRIM(Name)));
ALTER TABLE dbo.Themes WITH CHECK ADD CONSTRAINT CK_Themes_Name_NoTrailingSpace CHECK (DATALENGTH(Name) = DATALENGTH(RTRIM(Name)));
ALTER TABLE dbo.Workspaces WITH CHECK ADD CONSTRAINT CK_Workspaces_Name_NoTrailingSpace CHECK (DATALENGTH(Name) = DATALENGTH(RTRIM(Name)));

-- A read by name (the reference look-up, a delete's look-up) finds the id and the version in the index alone,
-- without a key lookup into the row: fewer locks, and one lock order fewer to deadlock on.
CREATE UNIQUE INDEX UX_Workspaces_Organization_Name ON dbo.Workspaces (OrganizationId, Name) INCLUDE (Version) WITH (DROP_EXISTING = ON);

-- A stored error message may list twenty unknown Copilot LLM names of 100 characters each: more than 2000.
ALTER TABLE dbo.IdempotencyKeys ALTER COLUMN ErrorMessage NVARCHAR (MAX) COLLATE Latin1_General_100_BIN2 NULL;
