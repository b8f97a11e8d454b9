import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAdmin } from '@/lib/auth';
import { AdminNav } from './admin-nav';
import { LogoutButton } from './LogoutButton';
import { SiteUrlNotice } from './SiteUrlNotice';
import styles from './shell.module.css';

export const metadata: Metadata = { robots: { index: false, follow: false } };

// The shell of every logged-in admin page. The check here keeps the shell itself private;
// it is not the security boundary (a layout does not re-run on client navigation), so every
// page calls requireAdmin() and every server action assertAdmin() as well.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return (
    <>
      <header className={styles.header}>
        <div className={styles.bar}>
          <Link href="/admin" className={styles.brand}>
            Shelf admin
          </Link>
          <AdminNav />
          <div className={styles.tools}>
            <Link href="/about">About page</Link>
            <LogoutButton className={styles.logout} noteClassName={styles.logoutNote} />
          </div>
        </div>
      </header>
      <main className="page page-wide">
        <SiteUrlNotice />
        {children}
      </main>
    </>
  );
}
