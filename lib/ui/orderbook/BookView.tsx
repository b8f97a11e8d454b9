// The book and its recent trades, from any orderbook state: the live page's, or a past one's.
import type { Order, OrderbookState } from '@/lib/orderbook/state';
import { bestAsk, bestBid, recentTrades, spread } from '@/lib/orderbook/selectors';
import styles from './book.module.css';

const number = new Intl.NumberFormat('en-US');
const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium', timeZone: 'UTC' });

export function BookView({ state }: { state: OrderbookState }) {
  const bid = bestBid(state);
  const ask = bestAsk(state);
  const gap = spread(state);
  const trades = recentTrades(state);
  return (
    <>
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
    </>
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
