-- Values the installation generates once and every instance shares (the master secret when
-- TICKETDESK_SECRET is not set).
CREATE TABLE settings (
    setting_name   VARCHAR(64)   NOT NULL,
    setting_value  VARCHAR(512)  NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (setting_name)
);
