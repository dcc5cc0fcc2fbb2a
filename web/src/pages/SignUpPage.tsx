import { useState, type SubmitEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FormAlert, SubmitButton, TextField, fieldOfError, messageOf, useAccountForm } from '../components/account/FormParts.js';
import { useSession } from '../lib/session.js';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';
import { withNext } from './SignInPage.js';

type Field = 'name' | 'email' | 'password';

const LABELS = { name: 'Name', email: 'Email', password: 'Password' };
const MIN_PASSWORD = 8;
const MAX_PASSWORD = 128;

export function SignUpPage() {
  useDocumentTitle('Create an account');
  const { signUp } = useSession();
  const [params] = useSearchParams();
  const next = params.get('next');
  const form = useAccountForm<Field>('name');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    void form.run(async () => {
      if (!name.trim()) {
        form.fail('Enter your name: it is how the people in your organizations see you.', 'name');
        return;
      }
      if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) {
        form.fail('Enter your email address, for example you@example.com.', 'email');
        return;
      }
      if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
        form.fail(`Choose a password of ${String(MIN_PASSWORD)} to ${String(MAX_PASSWORD)} characters.`, 'password');
        return;
      }
      try {
        // The new account is signed in; the app takes the user on (back to `next`): see Layout.
        await signUp(name.trim(), email.trim(), password);
      } catch (err) {
        form.fail(messageOf(err, LABELS), fieldOfError<Field>(err, ['name', 'email', 'password']));
      }
    });
  };

  return (
    <div className="auth-page">
      <header className="page-header">
        <h1>Create an account</h1>
        <p className="lede">
          Your account comes with a personal workspace for your own prep. Create an organization for your team, or join one with an
          invitation.
        </p>
      </header>

      <form className="form-card" noValidate aria-busy={form.busy} onSubmit={submit}>
        <TextField
          label="Name"
          hint="How the people in your organizations see you."
          autoComplete="name"
          maxLength={200}
          value={name}
          onChange={(v) => {
            setName(v);
            form.clearFor('name');
          }}
          {...form.control('name')}
        />
        <TextField
          label="Email"
          hint="You sign in with it. An invitation to an organization names this address."
          type="email"
          autoComplete="email"
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
          hint={`${String(MIN_PASSWORD)} to ${String(MAX_PASSWORD)} characters.`}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(v) => {
            setPassword(v);
            form.clearFor('password');
          }}
          {...form.control('password')}
        />
        <FormAlert title="Could not create the account" error={form.error} errorId={form.errorId} />
        <div className="form-card__actions">
          <SubmitButton busy={form.busy} busyLabel="Creating your account…">
            Create account
          </SubmitButton>
        </div>
      </form>

      <p className="auth-page__switch">
        Already have an account? <Link to={withNext('/sign-in', next)}>Sign in</Link>
      </p>
    </div>
  );
}
