-- Browsers an editor has signed in from (access/known-browsers.ts): a later sign-in from one of them, as
-- that editor, is exempt from the server-wide budget of failed sign-ins, so strangers spending that budget
-- cannot keep editors out. Not a session: it grants nothing without the password.

CREATE TABLE known_browsers (
  -- SHA-256 of the cookie's token: the token itself is never stored.
  token_hash text PRIMARY KEY,
  -- Removing the account forgets its browsers (user:remove).
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Moved on by every sign-in from the browser.
  expires_at timestamptz NOT NULL
);
CREATE INDEX known_browsers_user ON known_browsers (user_id);
