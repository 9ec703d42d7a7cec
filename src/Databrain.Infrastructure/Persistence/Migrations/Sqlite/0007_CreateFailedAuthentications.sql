-- Failed authentications per client address group (an IPv4 address, or an IPv6 /64), counted where every
-- instance of the service sees them: one row per group with its current window. Times are Unix milliseconds.
-- Rows whose window has passed are purged a batch at a time, through the index on the window's start.
CREATE TABLE FailedAuthentications (
    AddressGroup      TEXT    NOT NULL PRIMARY KEY,
    WindowStartUnixMs INTEGER NOT NULL,
    Failures          INTEGER NOT NULL
);

CREATE INDEX IX_FailedAuthentications_WindowStart ON FailedAuthentications (WindowStartUnixMs);
