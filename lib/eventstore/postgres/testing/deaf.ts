// For tests of what several instances on one database see: an instance that hears of no other
// instance's write (no notification, no poll), so a test shows what holds without them, at once.
import type { PostgresDocument } from '../document';
import type { PgHub } from '../hub';

export const deafInstance = (hub: PgHub): ConstructorParameters<typeof PostgresDocument>[0] => ({
  get sql() {
    return hub.sql;
  },
  ready: hub.ready,
  follow: () => () => {},
  observe: (err) => hub.observe(err),
  timed: (run) => hub.timed(run),
});
