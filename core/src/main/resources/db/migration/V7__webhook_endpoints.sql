-- Webhook endpoints: every audit event (ticket_events row) of a subscribed type is delivered to each active
-- endpoint through the outbox (notifications.channel 'webhook'), signed with the endpoint's secret. The secret is
-- kept as given, since signing needs it; event_types is a comma-separated list of event types, empty for all.
CREATE TABLE webhook_endpoints (
    id           BIGINT         NOT NULL AUTO_INCREMENT,
    url          VARCHAR(2000)  NOT NULL,
    secret       VARCHAR(255)   NOT NULL,
    event_types  VARCHAR(1000)  NOT NULL,
    is_active    BOOLEAN        NOT NULL DEFAULT TRUE,
    created_by   BIGINT,
    created_at   DATETIME(6)    NOT NULL,
    updated_at   DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_webhooks_creator FOREIGN KEY (created_by) REFERENCES users (id)
);
CREATE INDEX ix_webhooks_active ON webhook_endpoints (is_active);
-- a webhook delivery waits for the earlier pending ones of its ticket on the same channel
CREATE INDEX ix_notifications_ticket_channel ON notifications (ticket_id, channel, status, id);
