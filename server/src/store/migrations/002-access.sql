-- Editors and their sessions. Accounts are made by an admin command (npm run user:add), never by the
-- app, and there is no default account or password.

CREATE TABLE users (
  id bigserial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  -- "scrypt$N$r$p$salt$key" (access/passwords.ts): the parameters travel with the hash.
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('editor', 'admin')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  -- SHA-256 of the cookie's token: the token itself is never stored.
  token_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  -- Sent back on every state-changing request (X-CSRF-Token).
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
