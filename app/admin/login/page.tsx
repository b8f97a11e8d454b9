import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { isAdmin } from '@/lib/auth';
import { safeReturnPath } from '@/lib/auth/return-path';
import { LoginForm } from './login-form';
import styles from './login.module.css';

export const metadata: Metadata = { title: 'Log in', robots: { index: false, follow: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

// Open to everyone: it sits outside the (authed) group whose layout requires a session.
export default async function LoginPage({ searchParams }: Props) {
  const { next } = await searchParams;
  const returnTo = safeReturnPath(Array.isArray(next) ? next[0] : next);
  if (await isAdmin()) redirect(returnTo);

  return (
    <main className={styles.shell}>
      <div className={styles.card}>
        <p className={styles.brand} aria-hidden="true">
          Shelf
        </p>
        <h1 className={styles.title}>Log in to Shelf admin</h1>
        <p className={styles.lead}>Enter the admin password to log and edit what you finished.</p>
        <LoginForm next={returnTo} />
      </div>
      <p className={styles.back}>
        <Link href="/about">← Back to the site</Link>
      </p>
    </main>
  );
}
