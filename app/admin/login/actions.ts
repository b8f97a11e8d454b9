'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createAdminSession } from '@/lib/auth';
import { knownDevice, rememberDevice } from '@/lib/auth/session';
import { clientKey } from '@/lib/auth/client-key';
import { attemptLogin } from '@/lib/auth/login';
import { formatWait } from '@/lib/auth/rate-limit';
import { safeReturnPath } from '@/lib/auth/return-path';
import type { LoginState } from './login-state';

const loginForm = z.object({
  password: z.string({ error: 'Enter the password' }).min(1, { error: 'Enter the password' }),
  next: z.string().nullish(),
});

export async function logIn(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = loginForm.safeParse({ password: formData.get('password'), next: formData.get('next') });
  if (!parsed.success) return { passwordError: 'Enter the password' };

  const device = await knownDevice();
  const result = await attemptLogin(parsed.data.password, clientKey(await headers()), { device });
  if (!result.ok && result.reason === 'rate-limited') {
    return { formError: `Too many failed logins. Try again in ${formatWait(result.retryAt, Date.now())}.` };
  }
  if (!result.ok) return { passwordError: 'Wrong password' };

  await createAdminSession();
  await rememberDevice(device ?? undefined);
  redirect(safeReturnPath(parsed.data.next));
}
