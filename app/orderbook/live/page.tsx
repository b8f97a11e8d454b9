// The orderbook for browsers: GET /orderbook with Accept: text/html is rewritten here (next.config.mjs).
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LiveRefresh } from '@/lib/live/LiveRefresh';
import { orderbookEnabled } from '@/lib/orderbook/rate-limit';
import { orderbookStore } from '@/lib/orderbook/store';
import { BookView } from '@/lib/ui/orderbook/BookView';
import { OrderForm } from './order-form';
import styles from '@/lib/ui/orderbook/book.module.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Orderbook' };

export default async function OrderbookPage() {
  if (!orderbookEnabled()) notFound();
  const store = orderbookStore();
  await store.ready;
  const state = store.snapshot();
  const version = store.version();

  return (
    <main className="page page-wide">
      <LiveRefresh stream="orderbook" since={version} />
      <h1>Orderbook</h1>
      <p className="muted">
        A toy market rebuilt from its event log: every order is one unit, and an order that meets the best
        price on the other side trades at once, at the resting order&apos;s price. As of event #{version}.
      </p>

      <BookView state={state} />

      <section className={styles.card} aria-labelledby="place-title">
        <h2 id="place-title">Place an order</h2>
        <OrderForm />
        <p className="muted">
          Or over HTTP: <code>curl -X POST /buy/&lt;user&gt;/&lt;price&gt;</code> (or <code>/sell/…</code>);{' '}
          <code>curl /orderbook</code> returns the book as JSON.
        </p>
      </section>
    </main>
  );
}
