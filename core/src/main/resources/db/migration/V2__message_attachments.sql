-- Files that came with a message (email attachments), kept up to a configured size.
CREATE TABLE message_attachments (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    message_id    BIGINT        NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    content_type  VARCHAR(255)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    content       LONGBLOB,
    created_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_attachments_message FOREIGN KEY (message_id) REFERENCES messages (id)
);
CREATE INDEX ix_attachments_message ON message_attachments (message_id);
