import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { configuredChannels } from '@/lib/announce/channels/from-env';
import { requireAdmin } from '@/lib/auth';
import { formValuesOf } from '@/lib/media/form-values';
import { readyMediaStore } from '@/lib/media/store';
import { tagCounts } from '@/lib/media/search';
import { ownerToday } from '@/lib/media/today';
import { editEntryAction } from '../../actions';
import { EntryForm } from '../../EntryForm';
import styles from '../../admin.module.css';

export const metadata: Metadata = { title: 'Edit entry' };

export default async function EditEntryPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  await requireAdmin(`/admin/entries/${encodeURIComponent(id)}`);
  const state = (await readyMediaStore()).snapshot();
  const entry = state.entries.get(id);
  if (!entry || entry.removed) notFound();
  return (
    <section className={styles.card} aria-labelledby="edit-heading">
      <p>
        <Link href="/admin">← All entries</Link>
      </p>
      <h1 id="edit-heading">Edit “{entry.title}”</h1>
      <EntryForm action={editEntryAction.bind(null, id)} initial={{ status: 'idle', fields: {}, values: formValuesOf(entry, ownerToday()) }} submitLabel="Save changes" channels={configuredChannels()} tagSuggestions={tagCounts(state.entries.values()).map((t) => t.tag)} />
    </section>
  );
}
