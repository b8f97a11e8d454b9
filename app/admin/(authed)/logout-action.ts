'use server';

import { redirect } from 'next/navigation';
import { endAdminSession } from '@/lib/auth';
import { LOGIN_PATH } from '@/lib/auth/return-path';

// No session check: ending a session that is already gone is harmless, and Next's Origin check
// on server actions keeps other sites from logging the owner out.
export async function logOut(): Promise<void> {
  await endAdminSession();
  redirect(LOGIN_PATH);
}
