-- The record: agreements, their clauses, provinces, features and their status steps. Bodies are the
-- record's own JSON (domain/schemas.ts), validated before they are written, kept as written (json, not
-- jsonb: key order survives, so an export matches the curated files byte for byte); `position` keeps
-- the curated order of the files in geodata/record/.

CREATE TABLE agreements (
  id text PRIMARY KEY,
  position integer NOT NULL,
  body json NOT NULL
);

CREATE TABLE clauses (
  id text PRIMARY KEY,
  agreement_id text NOT NULL REFERENCES agreements (id),
  position integer NOT NULL,
  body json NOT NULL
);

CREATE TABLE provinces (
  code text PRIMARY KEY,
  position integer NOT NULL,
  body json NOT NULL
);

CREATE TABLE features (
  id text PRIMARY KEY,
  position integer NOT NULL,
  -- Raised by every change to the feature: a write names the version it read (409 when stale).
  version integer NOT NULL DEFAULT 1,
  body json NOT NULL
);

-- Status steps are appended, never changed or removed: a correction is a new step.
CREATE TABLE status_events (
  seq bigserial PRIMARY KEY,
  feature_id text NOT NULL REFERENCES features (id),
  body json NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX status_events_feature ON status_events (feature_id, seq);

-- Every change to the record: who, when, what, before and after, and why (the citation).
CREATE TABLE changes (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  action text NOT NULL,
  before jsonb,
  after jsonb,
  reason text
);
CREATE INDEX changes_entity ON changes (entity, entity_id, id);

CREATE FUNCTION refuse_rewriting_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: record a new entry instead', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER status_events_append_only BEFORE UPDATE OR DELETE ON status_events
  FOR EACH ROW EXECUTE FUNCTION refuse_rewriting_history();
CREATE TRIGGER changes_append_only BEFORE UPDATE OR DELETE ON changes
  FOR EACH ROW EXECUTE FUNCTION refuse_rewriting_history();
