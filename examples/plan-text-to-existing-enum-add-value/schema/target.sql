CREATE TYPE shipment_status AS ENUM ('created', 'in_transit', 'delivered', 'returned');
CREATE TABLE shipments (
  id bigint PRIMARY KEY,
  status shipment_status NOT NULL,
  shipped_at timestamptz
);
CREATE INDEX shipments_status_idx ON shipments (status);
