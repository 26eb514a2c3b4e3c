CREATE TABLE IF NOT EXISTS bookmark(
    id          SERIAL,
    url         TEXT NOT NULL,
    title       TEXT NOT NULL,
    excerpt     TEXT NOT NULL DEFAULT '',
    author      TEXT NOT NULL DEFAULT '',
    public      SMALLINT NOT NULL DEFAULT 0,
    content     TEXT NOT NULL DEFAULT '',
    html        TEXT NOT NULL DEFAULT '',
    modified    TIMESTAMP(0) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    has_content BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY(id));
