-- Ledger service, PostgreSQL 13. ledger_entries.id is a 32-bit serial that has reached
-- 1.93 billion of its 2147483647 values.
CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  owner_id bigint NOT NULL,
  currency char(3) NOT NULL,
  balance_minor bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE SEQUENCE ledger_entries_id_seq AS integer;

CREATE TABLE ledger_entries (
  id integer NOT NULL DEFAULT nextval('ledger_entries_id_seq'::regclass),
  account_id bigint NOT NULL,
  amount_minor bigint NOT NULL,
  entry_type text NOT NULL,
  external_ref text,
  booked_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ledger_entries_pkey PRIMARY KEY (id),
  CONSTRAINT ledger_entries_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id),
  CONSTRAINT ledger_entries_entry_type_check CHECK (entry_type IN ('debit', 'credit', 'reversal'))
);

CREATE INDEX ledger_entries_account_id_booked_at_idx ON ledger_entries (account_id, booked_at);
