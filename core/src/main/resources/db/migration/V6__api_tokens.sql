-- API tokens: a program calls /api/v1 as the token's user, with that user's rights. Only a SHA-256 hash of the
-- whole token is kept; token_key (the token's public part) finds the row, so the secret part is compared in
-- constant time and never looked up by value.
CREATE TABLE api_tokens (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    name          VARCHAR(100)  NOT NULL,
    user_id       BIGINT        NOT NULL,
    token_key     VARCHAR(32)   NOT NULL,
    token_hash    CHAR(64)      NOT NULL,
    created_by    BIGINT,
    created_at    DATETIME(6)   NOT NULL,
    last_used_at  DATETIME(6),
    revoked_at    DATETIME(6),
    PRIMARY KEY (id),
    CONSTRAINT uq_api_tokens_key UNIQUE (token_key),
    CONSTRAINT fk_api_tokens_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_api_tokens_creator FOREIGN KEY (created_by) REFERENCES users (id)
);
CREATE INDEX ix_api_tokens_user ON api_tokens (user_id);
