import { type FormEvent, useState } from 'react';
import { ApiError, csrfTokenOf, OFFLINE, SESSION_NOT_KEPT, useSession, useSignIn, useSignOut } from '../api/session';
import type { Language } from '../i18n/language';
import { type TextKey, text } from '../i18n/ui-text';

/**
 * Editors sign in from the header (visitors read everything without it). The password is sent once and
 * never kept; the session is an HttpOnly cookie the page cannot read, the CSRF token lives in memory.
 */
export function SignIn({ language }: { language: Language }) {
  const session = useSession();
  const signIn = useSignIn();
  const signOut = useSignOut();
  const [open, setOpen] = useState(false);
  const user = session.data?.user ?? null;

  if (user) {
    return (
      <div className="sign-in signed-in">
        <span className="editor-name" title={`${text('signedInAs', language)}: ${user.username}`}>
          ✎ {user.displayName}
        </span>
        <button type="button" onClick={() => signOut.mutate(csrfTokenOf(session.data))} disabled={signOut.isPending}>
          {text('signOut', language)}
        </button>
      </div>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    signIn.mutate(
      { username: String(form.get('username') ?? ''), password: String(form.get('password') ?? '') },
      { onSuccess: () => setOpen(false) },
    );
  };
  return (
    <div className="sign-in">
      <button type="button" aria-expanded={open} aria-controls="sign-in-form" onClick={() => setOpen(!open)}>
        {text('signIn', language)}
      </button>
      {open && (
        <form id="sign-in-form" className="sign-in-form" onSubmit={submit}>
          <label>
            {text('username', language)}
            <input name="username" autoComplete="username" required />
          </label>
          <label>
            {text('password', language)}
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
          {signIn.error && (
            <p className="field-error" role="alert">
              {signInError(signIn.error, language)}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" disabled={signIn.isPending}>
              {text('signIn', language)}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {text('cancel', language)}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** The server's refusals of a sign-in, by code, in the page's language. */
const SIGN_IN_ERRORS: Record<string, TextKey> = {
  wrong_credentials: 'wrongCredentials',
  too_many_attempts: 'tooManyAttempts',
  too_many_attempts_overall: 'signInPausedOverall',
  sign_in_busy: 'signInBusy',
  insecure_connection: 'insecureConnection',
  cross_origin: 'signInOtherOrigin',
  [SESSION_NOT_KEPT]: 'sessionNotKept',
  invalid_body: 'signInInvalid',
  [OFFLINE]: 'offlineNoChange',
};

/** Refusals whose server message names what to change (the address expected and the one received): shown after the words. */
const SIGN_IN_DETAILS = new Set(['cross_origin']);

/** What went wrong, in the page's language; another refusal (or no answer) says so with its status and code. */
function signInError(error: Error, language: Language): string {
  const known = error instanceof ApiError ? SIGN_IN_ERRORS[error.code] : undefined;
  if (known && error instanceof ApiError && SIGN_IN_DETAILS.has(error.code)) return `${text(known, language)} — ${error.message}`;
  if (known) return text(known, language);
  const code = error instanceof ApiError ? ` (${error.status ? `HTTP ${error.status}, ` : ''}${error.code})` : '';
  return `${text('signInFailed', language)}${code}.`;
}
