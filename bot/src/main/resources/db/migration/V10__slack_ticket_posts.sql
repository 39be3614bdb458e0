-- Where each ticket's card sits in Slack (the responders' channel message), so the card can be updated in
-- place and its thread becomes the ticket's conversation. A row with ts NULL is a card being posted right
-- now (posting_since), which keeps two deliveries from posting two cards.
CREATE TABLE slack_ticket_posts (
    ticket_id      BIGINT       NOT NULL,
    channel        VARCHAR(64)  NOT NULL,
    ts             VARCHAR(32),
    posting_since  DATETIME(6),
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (ticket_id),
    CONSTRAINT fk_slack_posts_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
);
-- a thread reply finds its ticket by the card's (channel, ts)
CREATE UNIQUE INDEX ux_slack_posts_channel_ts ON slack_ticket_posts (channel, ts);

-- Ticket messages already relayed into a card's thread, so a repeated delivery does not post them twice.
CREATE TABLE slack_message_posts (
    message_id  BIGINT       NOT NULL,
    channel     VARCHAR(64)  NOT NULL,
    ts          VARCHAR(32)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (message_id),
    CONSTRAINT fk_slack_message_posts_message FOREIGN KEY (message_id) REFERENCES messages (id)
);
