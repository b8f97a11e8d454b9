'use client';

import { useState, type FormEvent } from 'react';
import styles from '@/lib/ui/orderbook/book.module.css';

type Problem = { fields?: Record<string, string>; error?: string };

/** Posts to /buy/<user>/<price> or /sell/...; on `ok` reloads the page, which renders the new book. */
export function OrderForm() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const side = form.get('side') === 'sell' ? 'sell' : 'buy';
    const segment = (name: string) => encodeURIComponent(String(form.get(name) ?? '').trim());
    setBusy(true);
    setProblem(null);
    try {
      const res = await fetch(`/${side}/${segment('user')}/${segment('price')}`, { method: 'POST' });
      if (res.ok) {
        window.location.reload();
        return;
      }
      const body = (await res.json().catch(() => null)) as Problem | null;
      setProblem(body ?? { error: `the server answered ${res.status}` });
    } catch (err) {
      setProblem({ error: (err as Error).message });
    }
    setBusy(false);
  }

  const fieldError = (name: string) => problem?.fields?.[name];

  return (
    <form onSubmit={submit} noValidate aria-describedby="order-problem">
      <div className={styles.formRow}>
        <label>
          Side
          <br />
          <select name="side" defaultValue="buy">
            <option value="buy">Buy</option>
            <option value="sell">Sell</option>
          </select>
        </label>
        <label>
          User
          <br />
          <input name="user" inputMode="numeric" required size={8} aria-invalid={Boolean(fieldError('user'))} />
        </label>
        <label>
          Price
          <br />
          <input name="price" inputMode="numeric" required size={10} aria-invalid={Boolean(fieldError('price'))} />
        </label>
        <button type="submit" disabled={busy}>
          Place order
        </button>
      </div>
      <p id="order-problem" role="alert" className={styles.problem}>
        {problem &&
          (problem.fields
            ? Object.entries(problem.fields)
                .map(([field, message]) => `${field} ${message}`)
                .join('; ')
            : problem.error)}
      </p>
    </form>
  );
}
