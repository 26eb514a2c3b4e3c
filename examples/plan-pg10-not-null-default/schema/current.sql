-- Helpdesk, PostgreSQL 10.
CREATE TABLE tickets (
  id bigint PRIMARY KEY,
  title text NOT NULL,
  opened_at timestamptz NOT NULL DEFAULT now()
);
