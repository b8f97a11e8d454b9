// The orderbook for browsers: GET /orderbook with Accept: text/html is rewritten here (next.config.mjs).
import type { Metadata } from 'next';
import type { Order } from '@/lib/orderbook/state';
import { bestAsk, bestBid, recentTrades, spread } from '@/lib/orderbook/selectors';
import { LiveRefresh } from '@/lib/live/LiveRefresh';
import { orderbookStore } from '@/lib/orderbook/store';
import { OrderForm } from './order-form';
import styles from './page.module.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Orderbook' };

const number = new Intl.NumberFormat('en-US');
const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium', timeZone: 'UTC' });

export default async function OrderbookPage() {
  const store = orderbookStore();
  await store.ready;
  const state = store.snapshot();
  const version = store.version();
  const bid = bestBid(state);
  const ask = bestAsk(state);
  const gap = spread(state);
  const trades = recentTrades(state);

  return (
    <main className="page page-wide">
      <LiveRefresh stream="orderbook" since={version} />
      <h1>Orderbook</h1>
      <p className="muted">
        A toy market rebuilt from its event log: every order is one unit, and an order that meets the best
        price on the other side trades at once, at the resting order&apos;s price. As of event #{version}.
      </p>

      <dl className={styles.summary}>
        <div>
          <dt>Best bid</dt>
          <dd data-testid="best-bid">{bid ? number.format(bid.price) : '–'}</dd>
        </div>
        <div>
          <dt>Best ask</dt>
          <dd data-testid="best-ask">{ask ? number.format(ask.price) : '–'}</dd>
        </div>
        <div>
          <dt>Spread</dt>
          <dd data-testid="spread">{gap === null ? '–' : number.format(gap)}</dd>
        </div>
      </dl>

      <div className={styles.sides}>
        <BookSide title="Bids" side="bids" orders={state.bids} empty="No one is buying." />
        <BookSide title="Asks" side="asks" orders={state.asks} empty="No one is selling." />
      </div>

      <section className={styles.card} aria-labelledby="trades-title">
        <h2 id="trades-title">Recent trades</h2>
        {trades.length === 0 ? (
          <p className="muted">No trades yet.</p>
        ) : (
          <table className={styles.table} data-testid="trades">
            <thead>
              <tr>
                <th scope="col">Time (UTC)</th>
                <th scope="col">Event</th>
                <th scope="col">Buyer</th>
                <th scope="col">Seller</th>
                <th scope="col" className={styles.num}>Price</th>
              </tr>
            </thead>
            <tbody>
              {trades.map((t) => (
                <tr key={t.seq}>
                  <td>
                    <time dateTime={t.at}>{time.format(new Date(t.at))}</time>
                  </td>
                  <td>#{t.seq}</td>
                  <td>user {t.buyer}</td>
                  <td>user {t.seller}</td>
                  <td className={styles.num}>{number.format(t.price)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

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

function BookSide({ title, side, orders, empty }: { title: string; side: 'bids' | 'asks'; orders: readonly Order[]; empty: string }) {
  return (
    <section className={styles.card} aria-labelledby={`${side}-title`} data-side={side}>
      <h2 id={`${side}-title`}>
        {title} <span className="muted">({orders.length})</span>
      </h2>
      {orders.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col" className={styles.num}>Price</th>
              <th scope="col">User</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o, i) => (
              <tr key={i}>
                <td className={`${styles.num} ${side === 'bids' ? styles.bid : styles.ask}`}>{number.format(o.price)}</td>
                <td>user {o.user}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
