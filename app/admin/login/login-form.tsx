'use client';

import { useActionState } from 'react';
import { logIn } from './actions';
import { initialLoginState } from './login-state';
import styles from './login.module.css';

export function LoginForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState(logIn, initialLoginState);
  const { passwordError, formError } = state;

  return (
    <form action={formAction} className={styles.form} aria-describedby={formError ? 'login-error' : undefined}>
      {formError && (
        <p id="login-error" className={styles.formError} role="alert">
          {formError}
        </p>
      )}
      <input type="hidden" name="next" value={next} />
      <div className={styles.field}>
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? 'password-error' : undefined}
          className={styles.input}
        />
        {passwordError && (
          <p id="password-error" className={styles.fieldError} role="alert">
            {passwordError}
          </p>
        )}
      </div>
      <button type="submit" className={styles.submit} disabled={pending}>
        {pending ? 'Logging in…' : 'Log in'}
      </button>
    </form>
  );
}
