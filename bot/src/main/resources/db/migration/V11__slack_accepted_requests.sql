-- Signed Slack requests already accepted, kept while their signature could be replayed (Slack's five
-- minutes either way of the request's timestamp, and a margin), so a replay, on any instance, is answered
-- as the first one was and changes nothing. request_key is the SHA-256 (hex) of the timestamp and the
-- signature; the answer is NULL while the first request is being handled.
CREATE TABLE slack_accepted_requests (
    request_key   CHAR(64)      NOT NULL,
    status_code   INT,
    content_type  VARCHAR(100),
    body          MEDIUMTEXT,
    expires_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (request_key)
);
CREATE INDEX ix_slack_accepted_expiry ON slack_accepted_requests (expires_at);
