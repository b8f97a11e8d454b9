'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './shell.module.css';

const links = [
  { href: '/admin', label: 'Entries' },
  { href: '/admin/log', label: 'Quick log' },
  { href: '/admin/embed', label: 'Embed' },
  { href: '/admin/history', label: 'History' },
  { href: '/admin/import', label: 'Import' },
  { href: '/admin/settings', label: 'Settings' },
];

const isCurrent = (pathname: string, href: string) =>
  href === '/admin' ? pathname === href || pathname.startsWith('/admin/entries') : pathname === href || pathname.startsWith(`${href}/`);

export function AdminNav() {
  // Typed nullable because the project has a pages/ directory (pages/api/render-cache); in the App Router it is always set.
  const pathname = usePathname() ?? '';
  return (
    <nav aria-label="Admin" className={styles.nav}>
      <ul>
        {links.map(({ href, label }) => (
          <li key={href}>
            <Link href={href} aria-current={isCurrent(pathname, href) ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
