-- A stored request fingerprint carries its format version as a prefix ('v2:' and 64 hex digits), so that keys
-- stored before the format changed still replay. (SQLite's TEXT column has no length to widen.)
ALTER TABLE dbo.IdempotencyKeys ALTER COLUMN Fingerprint NVARCHAR (80) COLLATE Latin1_General_100_BIN2 NOT NULL;
