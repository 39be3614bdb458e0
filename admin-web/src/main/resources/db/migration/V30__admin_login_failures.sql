-- Failed admin logins, shared by every instance: the panel throttles per account and per client address.
CREATE TABLE admin_login_failures (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    account    VARCHAR(320) NOT NULL,
    address    VARCHAR(64)  NOT NULL,
    failed_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_login_failures_account ON admin_login_failures (account, failed_at);
CREATE INDEX ix_login_failures_address ON admin_login_failures (address, failed_at);
