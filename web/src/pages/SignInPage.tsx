import { useState, type SubmitEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FormAlert, SubmitButton, TextField, fieldOfError, messageOf, useAccountForm } from '../components/account/FormParts.js';
import { useSession } from '../lib/session.js';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';

const LABELS = { email: 'Email', password: 'Password' };

/** Keeps `?next=` on the way between the sign-in and sign-up pages, so either one brings the user back. */
export function withNext(path: string, next: string | null): string {
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}

export function SignInPage() {
  useDocumentTitle('Sign in');
  const { state, signIn } = useSession();
  const [params] = useSearchParams();
  const next = params.get('next');
  const form = useAccountForm<'email' | 'password'>('email');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const reason = state.status === 'signed-out' ? state.reason : 'none';

  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    void form.run(async () => {
      if (!email.trim()) {
        form.fail('Enter the email address you signed up with.', 'email');
        return;
      }
      if (!password) {
        form.fail('Enter your password.', 'password');
        return;
      }
      try {
        // Signed in, the app takes the user on (back to `next`): see Layout.
        await signIn(email.trim(), password);
      } catch (err) {
        form.fail(messageOf(err, LABELS), fieldOfError(err, ['email', 'password']));
      }
    });
  };

  return (
    <div className="auth-page">
      <header className="page-header">
        <h1>Sign in</h1>
        <p className="lede">Sign in to practise and prepare in your workspace and your team’s organizations.</p>
      </header>
      {reason === 'expired' && (
        <p className="callout auth-page__notice">Your session has ended. Sign in again to carry on where you were.</p>
      )}
      {reason === 'signed-out' && <p className="callout auth-page__notice">You have signed out.</p>}

      <form className="form-card" noValidate aria-busy={form.busy} onSubmit={submit}>
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={(v) => {
            setEmail(v);
            form.clearFor('email');
          }}
          {...form.control('email')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(v) => {
            setPassword(v);
            form.clearFor('password');
          }}
          {...form.control('password')}
        />
        <FormAlert title="Could not sign you in" error={form.error} errorId={form.errorId} />
        <div className="form-card__actions">
          <SubmitButton busy={form.busy} busyLabel="Signing in…">
            Sign in
          </SubmitButton>
        </div>
      </form>

      <p className="auth-page__switch">
        New to Loopcoach? <Link to={withNext('/sign-up', next)}>Create an account</Link>
      </p>
    </div>
  );
}
