-- Signed Slack requests already accepted, kept while their signature could be replayed (Slack's five
-- minutes either way of the request's timestamp, and a margin), so a replay, on any instance, is answered
-- as the first one was and changes nothing. signed_at is the request's timestamp (epoch seconds) and
-- request_key the SHA-256 of the timestamp and the signature; keyed by time first, new keys append at
-- the index's end and expired ones leave from its start. The answer is NULL while the first request is
-- being handled.
CREATE TABLE slack_accepted_requests (
    signed_at     BIGINT        NOT NULL,
    request_key   BINARY(32)    NOT NULL,
    status_code   INT,
    content_type  VARCHAR(100),
    body          MEDIUMTEXT,
    PRIMARY KEY (signed_at, request_key)
);
