-- The texts of documents imported through the app (the curated record's texts are the files in
-- geodata/documents/). An agreement's `sourceFile` names its row; `db:export` writes them beside the
-- record so the export can be re-seeded and checked like the curated files.
CREATE TABLE documents (
  file_name text PRIMARY KEY,
  agreement_id text NOT NULL UNIQUE REFERENCES agreements (id),
  text text NOT NULL,
  imported_by text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);
