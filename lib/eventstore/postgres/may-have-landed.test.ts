import { describe, expect, it } from 'vitest';
import { mayHaveLanded } from './pg-log';

describe('whether an append the database did not answer may still land', () => {
  it('may, when it was sent and then no answer came in time or the connection broke', () => {
    expect(mayHaveLanded(Object.assign(new Error('no answer within 2250 ms'), { name: 'DeadlineError' }))).toBe(true);
    for (const code of ['CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'ECONNRESET', 'EPIPE']) expect(mayHaveLanded(Object.assign(new Error(code), { code }))).toBe(true);
  });

  it('cannot, when it was never sent (refused connection, a silent database that failed its probe)', () => {
    for (const code of ['ECONNREFUSED', 'CONNECT_TIMEOUT', 'SHELF_DEADLINE']) expect(mayHaveLanded(Object.assign(new Error(code), { code }))).toBe(false);
  });
});
