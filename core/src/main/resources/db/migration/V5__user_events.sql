-- Append-only history of what happened to a user account: chat identities linked and unlinked (and links
-- refused) today; account changes and logins for the admin audit later. user_id is the subject, actor_id
-- who did it (NULL: the system), address the client's address where there is one.
CREATE TABLE user_events (
    id           BIGINT         NOT NULL AUTO_INCREMENT,
    user_id      BIGINT         NOT NULL,
    actor_id     BIGINT,
    event_type   VARCHAR(32)    NOT NULL,
    field        VARCHAR(64),
    old_value    VARCHAR(2000),
    new_value    VARCHAR(2000),
    channel      VARCHAR(16)    NOT NULL,
    address      VARCHAR(64),
    created_at   DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_user_events_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_user_events_actor FOREIGN KEY (actor_id) REFERENCES users (id)
);
-- a user's history; the audit view by time
CREATE INDEX ix_user_events_user_time ON user_events (user_id, created_at, id);
CREATE INDEX ix_user_events_time ON user_events (created_at, id);
