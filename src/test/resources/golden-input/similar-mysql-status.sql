ALTER TABLE parcels MODIFY COLUMN state ENUM('new','sorted','held','out_for_delivery','delivered') NOT NULL;
