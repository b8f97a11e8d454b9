import { headers } from 'next/headers';
import { partyFromHeaders } from '@/lib/http/edge-stamp';
import { siteUrlAdvice } from '@/lib/http/public-origin';
import styles from './shell.module.css';

/** Above every admin page while SITE_URL is unset and the site is reached at a public address (lib/http/public-origin.ts). */
export async function SiteUrlNotice() {
  const advice = siteUrlAdvice(partyFromHeaders(await headers()));
  if (!advice) return null;
  return (
    <p className={styles.notice} role="status" data-testid="site-url-notice">
      {advice} See docs/deploy.md.
    </p>
  );
}
