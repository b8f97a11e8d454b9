import type { Metadata } from 'next';
import { requireAdmin } from '@/lib/auth';

export const metadata: Metadata = { title: 'Entries' };

// Placeholder: the media work replaces this with the list of entries and the form to log one.
export default async function EntriesPage() {
  await requireAdmin();
  return (
    <>
      <h1>Entries</h1>
      <p className="muted">The things you finished will be listed here, with a form to log a new one.</p>
    </>
  );
}
