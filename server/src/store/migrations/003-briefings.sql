-- Briefings: saved sequences of map views (domain/briefings.ts), validated before they are written and
-- kept as written (json, not jsonb: key order survives, so GET answers a briefing as it was saved).
-- Every create, replace and delete appends a `changes` entry (entity 'briefing': who, before, after) in
-- the same transaction, so a deleted or overwritten briefing can always be read back from the log.

CREATE TABLE briefings (
  id text PRIMARY KEY,
  body json NOT NULL,
  -- The body's `updatedAt`, as a column to sort and query by.
  updated_at timestamptz NOT NULL,
  -- The editor who saved it last; null for briefings brought in on first start (seed-briefings.ts).
  updated_by text
);

-- One-time set-up done on this store, by name, so it never runs twice: the briefings' seeding is one
-- ('briefings'), recorded in the transaction that seeds them — a store whose briefings were all
-- deleted since is not seeded again. Backed up and restored with the store.
CREATE TABLE setup_steps (
  name text PRIMARY KEY,
  done_at timestamptz NOT NULL DEFAULT now(),
  detail jsonb
);

-- The record's revision is its latest change (store-repository.ts): briefings are not part of the
-- record, so their changes do not move it (the map keeps its tiles when a briefing is saved).
CREATE INDEX changes_record ON changes (id) WHERE entity <> 'briefing';
