// Checkpoints of processors (the announcer) in the database, beside the log they follow, so
// that whichever instance leads next resumes where the last leader stopped.
import type { CheckpointStore } from '../processor';
import type { Database } from './connection';

export function databaseCheckpoint(sql: Database, name: string): CheckpointStore {
  return {
    async read() {
      const [row] = await sql<{ seq: number }[]>`select seq from shelf_checkpoints where name = ${name}`;
      return row?.seq;
    },
    async write(seq) {
      await sql`
        insert into shelf_checkpoints (name, seq) values (${name}, ${seq})
        on conflict (name) do update set seq = excluded.seq, saved_at = now()`;
    },
  };
}
