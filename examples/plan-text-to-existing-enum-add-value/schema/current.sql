-- The type shipped with the tracking service last quarter; the column still holds text.
CREATE TYPE shipment_status AS ENUM ('created', 'in_transit', 'delivered');
CREATE TABLE shipments (
  id bigint PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('created', 'in_transit', 'delivered')),
  shipped_at timestamptz
);
CREATE INDEX shipments_status_idx ON shipments (status);
