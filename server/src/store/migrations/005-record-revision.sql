-- The record's revision: one row, raised by every transaction that changes the record, inside it.
-- Taking it from max(changes.id) could skip a write on PostgreSQL: ids are handed out when a row is
-- inserted, not when its transaction commits, so a later id may commit first and a reader cache the
-- record under it without the earlier write. This row's lock makes writers commit in revision order.
CREATE TABLE record_revision (
  single boolean PRIMARY KEY DEFAULT true CHECK (single),
  revision bigint NOT NULL
);
INSERT INTO record_revision (revision) SELECT coalesce(max(id), 0) FROM changes WHERE entity <> 'briefing';
