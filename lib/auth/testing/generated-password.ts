// For tests of the generated admin password: ADMIN_PASSWORD unset and nothing loaded before each
// test (a new process), the environment as it was after it.
import { afterEach, beforeEach } from 'vitest';
import { forgetSingleton } from '../../eventstore/registry';

export function withGeneratedPassword(): void {
  const saved = process.env.ADMIN_PASSWORD;
  beforeEach(() => {
    delete process.env.ADMIN_PASSWORD;
    forgetSingleton('auth:generated-password');
  });
  afterEach(() => {
    if (saved !== undefined) process.env.ADMIN_PASSWORD = saved;
    forgetSingleton('auth:generated-password');
  });
}
