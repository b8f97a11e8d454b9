// The backend a process-wide store writes to: PostgreSQL when DATABASE_URL is set (one pool per
// process, lib/eventstore/postgres/hub.ts), else the store's own default (JSON-lines files).
import type { DomainEvent, StoreOptions } from '../types';
import { sharedHub } from './hub';
import { PgLog } from './pg-log';

export function withConfiguredLog<S, E extends DomainEvent>(options: StoreOptions<S, E>, env: NodeJS.ProcessEnv = process.env): StoreOptions<S, E> {
  const url = env.DATABASE_URL;
  if (!url || options.log) return options;
  return { ...options, log: (codec) => new PgLog(codec, sharedHub(url)) };
}
