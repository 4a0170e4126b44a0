import { type FormEvent, useState } from 'react';
import { ApiError, csrfTokenOf, useSession, useSignIn, useSignOut } from '../api/session';
import { text } from '../i18n/ui-text';
import type { Language } from '../state/url-state';

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

function signInError(error: Error, language: Language): string {
  if (error instanceof ApiError && error.code === 'wrong_credentials') return text('wrongCredentials', language);
  if (error instanceof ApiError && error.code === 'too_many_attempts') return text('tooManyAttempts', language);
  return error.message;
}
