import type { Metadata } from 'next';
import { requireAdmin } from '@/lib/auth';
import { ImportForm } from './ImportForm';

export const metadata: Metadata = { title: 'Import' };
export const dynamic = 'force-dynamic';

/** Admin: bring a Goodreads, Letterboxd or Shelf history in, after a preview of every row. */
export default async function ImportPage() {
  await requireAdmin();
  return (
    <>
      <h1>Import</h1>
      <p className="muted">
        Bring your history: a Goodreads library export (<code>goodreads_library_export.csv</code>), a Letterboxd export
        (the ZIP as downloaded, or its <code>diary.csv</code>), or a Shelf backup (<code>entries.json</code>,{' '}
        <code>entries.csv</code>, <code>media.jsonl</code>). You see what each row becomes before anything is saved;
        importing the same file again adds nothing, and imported entries are never announced.
      </p>
      <ImportForm />
    </>
  );
}
