-- mail-ingest's own tables. Runs on MySQL 8, MariaDB 10.6+ and H2 in MySQL mode.

-- Every Message-ID we sent, so a reply's In-Reply-To / References finds its ticket and recipient.
CREATE TABLE mail_sent_messages (
    message_id         VARCHAR(255)  NOT NULL,
    ticket_id          BIGINT,
    recipient_user_id  BIGINT,
    notification_id    BIGINT        NOT NULL,
    kind               VARCHAR(32)   NOT NULL,
    sent_at            DATETIME(6)   NOT NULL,
    PRIMARY KEY (message_id)
);
CREATE INDEX ix_mail_sent_thread ON mail_sent_messages (ticket_id, recipient_user_id, sent_at);

-- How far the IMAP reader got in a mailbox: by UID within one UIDVALIDITY, never by the \Seen flag.
CREATE TABLE mail_imap_cursors (
    mailbox       VARCHAR(500)  NOT NULL,
    uid_validity  BIGINT        NOT NULL,
    last_uid      BIGINT        NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (mailbox)
);

-- Leases so that one instance at a time does a job (reading the IMAP mailbox).
CREATE TABLE mail_leases (
    lease_name  VARCHAR(64)   NOT NULL,
    holder      VARCHAR(128),
    expires_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (lease_name)
);
INSERT INTO mail_leases (lease_name, holder, expires_at) VALUES ('imap-reader', NULL, '1970-01-01 00:00:00');

-- The polite answers sent to unknown or deactivated addresses, to answer each at most once a while.
CREATE TABLE mail_auto_answers (
    address       VARCHAR(320)  NOT NULL,
    last_sent_at  DATETIME(6)   NOT NULL,
    answers       INT           NOT NULL,
    PRIMARY KEY (address)
);
