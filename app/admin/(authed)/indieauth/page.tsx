import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { requireAdmin } from '@/lib/auth';
import { APPROVE_PATH, parseAuthorizationRequest, redirectWith } from '@/lib/indieauth/consent';
import { issuerOf } from '@/lib/indieauth/metadata';
import { SCOPE_LABELS } from '@/lib/indieauth/scopes';
import { verifiedClient } from '@/lib/indieauth/verified-client';
import { publicOriginOf } from '@/lib/http/public-origin';
import styles from '../admin.module.css';
import consent from './consent.module.css';

export const metadata: Metadata = { title: 'Sign in to an app' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * IndieAuth's consent: the owner sees which app asks, where it will send them back and what it may
 * do, and allows (a code goes back to the app) or denies. Reached from /indieauth/auth.
 */
export default async function ConsentPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  await requireAdmin();
  const raw = await searchParams;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(raw)) if (typeof value === 'string') params.set(name, value);
  const parsed = parseAuthorizationRequest(params);
  const requestHeaders = await headers();
  const issuer = issuerOf(publicOriginOf(requestHeaders));
  if (!parsed.ok && !parsed.redirectable) return <Refusal description={parsed.description} />;
  const clientId = parsed.ok ? parsed.request.clientId : parsed.clientId;
  const redirectUri = parsed.ok ? parsed.request.redirectUri : parsed.redirectUri;
  const checked = await verifiedClient(requestHeaders, clientId, redirectUri);
  if (!checked.ok) return <Refusal description={checked.description} />;
  if (!parsed.ok) redirect(redirectWith(redirectUri, { error: 'invalid_request', error_description: parsed.description, state: parsed.state, iss: issuer }));
  const { request } = parsed;
  const { client } = checked;

  return (
    <section aria-labelledby="consent-heading" className={styles.card}>
      <h1 id="consent-heading">
        {client.logo && (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={client.logo} alt="" width={32} height={32} className={consent.logo} referrerPolicy="no-referrer" />
        )}
        Sign in to <span data-testid="client-name">{client.name}</span>?
      </h1>
      <p>
        <strong>{client.name}</strong> (<code>{client.clientId}</code>) asks to sign in as you. You will be sent back to{' '}
        <code data-testid="redirect-uri">{request.redirectUri}</code>.
      </p>
      <form method="post" action={APPROVE_PATH} className={styles.form}>
        <input type="hidden" name="client_id" value={request.clientId} />
        <input type="hidden" name="redirect_uri" value={request.redirectUri} />
        {request.state !== undefined && <input type="hidden" name="state" value={request.state} />}
        <input type="hidden" name="code_challenge" value={request.challenge} />
        <input type="hidden" name="code_challenge_method" value="S256" />
        <input type="hidden" name="response_type" value="code" />
        {request.me && <input type="hidden" name="me" value={request.me} />}
        {request.scopes.length > 0 ? (
          <fieldset className={styles.field}>
            <legend>It may:</legend>
            {request.scopes.map((scope) => (
              <label key={scope} className={consent.scope}>
                <input type="checkbox" name="scope" value={scope} defaultChecked /> {SCOPE_LABELS[scope]} <code>{scope}</code>
              </label>
            ))}
          </fieldset>
        ) : (
          <p className="muted">It asks only to know that you are you (no token to post with).</p>
        )}
        <div className={styles.formFooter}>
          <button type="submit" name="decision" value="allow">
            Allow
          </button>
          <button type="submit" name="decision" value="deny" className={styles.danger}>
            Deny
          </button>
        </div>
      </form>
    </section>
  );
}

function Refusal({ description }: { description: string }) {
  return (
    <section aria-labelledby="consent-heading" className={styles.card}>
      <h1 id="consent-heading">This sign-in cannot go ahead</h1>
      <p className={styles.formError} role="alert" data-testid="consent-error">
        {description}
      </p>
    </section>
  );
}
