-- The schema of DESIGN.md. Runs unchanged on MySQL 8, MariaDB 10.6+ and H2 in MySQL mode.
-- Versions 1-9 belong to core; bot uses 10-19, mail-ingest 20-29, admin-web 30-39.

CREATE TABLE users (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    display_name   VARCHAR(200) NOT NULL,
    email          VARCHAR(320),
    phone_e164     VARCHAR(20),
    role           VARCHAR(16)  NOT NULL,
    profession     VARCHAR(200),
    organization   VARCHAR(200),
    is_active      BOOLEAN      NOT NULL DEFAULT TRUE,
    password_hash  VARCHAR(255),
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_users_email UNIQUE (email)
);
CREATE INDEX ix_users_role_active ON users (role, is_active);

CREATE TABLE user_identities (
    platform     VARCHAR(16)  NOT NULL,
    external_id  VARCHAR(64)  NOT NULL,
    user_id      BIGINT       NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (platform, external_id),
    CONSTRAINT fk_identities_user FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_identities_user ON user_identities (user_id);

CREATE TABLE tickets (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    title         VARCHAR(200) NOT NULL,
    description   TEXT,
    priority      VARCHAR(16)  NOT NULL,
    category      VARCHAR(100),
    status        VARCHAR(16)  NOT NULL,
    requester_id  BIGINT       NOT NULL,
    responder_id  BIGINT,
    source        VARCHAR(16)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    claimed_at    DATETIME(6),
    completed_at  DATETIME(6),
    PRIMARY KEY (id),
    CONSTRAINT fk_tickets_requester FOREIGN KEY (requester_id) REFERENCES users (id),
    CONSTRAINT fk_tickets_responder FOREIGN KEY (responder_id) REFERENCES users (id)
);
-- the pool: pending tickets, oldest first
CREATE INDEX ix_tickets_status_id ON tickets (status, id);
-- my tickets (as responder / as requester)
CREATE INDEX ix_tickets_responder_status ON tickets (responder_id, status, id);
CREATE INDEX ix_tickets_requester_created ON tickets (requester_id, created_at);

CREATE TABLE ticket_responder_log (
    ticket_id     BIGINT      NOT NULL,
    responder_id  BIGINT      NOT NULL,
    state         VARCHAR(16) NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (ticket_id, responder_id),
    CONSTRAINT fk_log_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
    CONSTRAINT fk_log_responder FOREIGN KEY (responder_id) REFERENCES users (id)
);
CREATE INDEX ix_log_responder ON ticket_responder_log (responder_id, ticket_id);

CREATE TABLE ticket_events (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    ticket_id    BIGINT        NOT NULL,
    actor_id     BIGINT,
    event_type   VARCHAR(32)   NOT NULL,
    from_status  VARCHAR(16),
    to_status    VARCHAR(16),
    field        VARCHAR(64),
    old_value    VARCHAR(2000),
    new_value    VARCHAR(2000),
    channel      VARCHAR(16)   NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_events_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
    CONSTRAINT fk_events_actor FOREIGN KEY (actor_id) REFERENCES users (id)
);
-- a ticket's timeline; events by actor and time; the audit view by time and type
CREATE INDEX ix_events_ticket_time ON ticket_events (ticket_id, created_at, id);
CREATE INDEX ix_events_actor_time ON ticket_events (actor_id, created_at, id);
CREATE INDEX ix_events_time ON ticket_events (created_at, id);
CREATE INDEX ix_events_type_time ON ticket_events (event_type, created_at, id);

CREATE TABLE messages (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    ticket_id     BIGINT,
    sender_id     BIGINT       NOT NULL,
    receiver_id   BIGINT,
    message_type  VARCHAR(16)  NOT NULL,
    body          MEDIUMTEXT   NOT NULL,
    channel       VARCHAR(16)  NOT NULL,
    external_id   VARCHAR(255),
    is_read       BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_messages_channel_external UNIQUE (channel, external_id),
    CONSTRAINT fk_messages_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
    CONSTRAINT fk_messages_sender FOREIGN KEY (sender_id) REFERENCES users (id),
    CONSTRAINT fk_messages_receiver FOREIGN KEY (receiver_id) REFERENCES users (id)
);
CREATE INDEX ix_messages_ticket_time ON messages (ticket_id, created_at);

CREATE TABLE notifications (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    ticket_id          BIGINT,
    recipient_user_id  BIGINT,
    channel            VARCHAR(16)  NOT NULL,
    kind               VARCHAR(32)  NOT NULL,
    payload            TEXT         NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    attempts           INT          NOT NULL DEFAULT 0,
    next_attempt_at    DATETIME(6)  NOT NULL,
    last_error         TEXT,
    sent_at            DATETIME(6),
    created_at         DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_notifications_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
    CONSTRAINT fk_notifications_recipient FOREIGN KEY (recipient_user_id) REFERENCES users (id)
);
-- the worker's queue: due pending rows, in order
CREATE INDEX ix_notifications_due ON notifications (status, next_attempt_at, id);
CREATE INDEX ix_notifications_ticket ON notifications (ticket_id);

CREATE TABLE inbound_emails (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    message_id      VARCHAR(255)  NOT NULL,
    received_at     DATETIME(6)   NOT NULL,
    from_address    VARCHAR(320),
    subject         VARCHAR(1000),
    ticket_id       BIGINT,
    outcome         VARCHAR(32)   NOT NULL,
    raw_message     LONGBLOB,
    extracted_text  MEDIUMTEXT,
    error           TEXT,
    PRIMARY KEY (id),
    CONSTRAINT uq_inbound_message_id UNIQUE (message_id),
    CONSTRAINT fk_inbound_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
);
CREATE INDEX ix_inbound_received ON inbound_emails (received_at);
