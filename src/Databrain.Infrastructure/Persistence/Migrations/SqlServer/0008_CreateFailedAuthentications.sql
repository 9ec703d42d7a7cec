-- Failed authentications per client address group (an IPv4 address, or an IPv6 /64), counted where every
-- instance of the service sees them: one row per group with its current window. Times are Unix milliseconds.
-- Rows whose window has passed are purged a batch at a time, through the index on the window's start.
CREATE TABLE dbo.FailedAuthentications (
    AddressGroup      NVARCHAR (64) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT PK_FailedAuthentications PRIMARY KEY,
    WindowStartUnixMs BIGINT NOT NULL,
    Failures          INT NOT NULL
);

CREATE INDEX IX_FailedAuthentications_WindowStart ON dbo.FailedAuthentications (WindowStartUnixMs);
