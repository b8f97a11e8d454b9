// The admin form speaks strings; the shared schema speaks JSON types. This converts between them.
import type { EntryFields } from './fields';

/** What the form shows: every field as the text in its input (kept as typed when validation fails). */
export interface EntryFormValues {
  kind: string;
  title: string;
  creator: string;
  url: string;
  coverUrl: string;
  rating: string;
  review: string;
  finishedOn: string;
  visibility: string;
  announce: boolean;
}

const TEXT_FIELDS = ['kind', 'title', 'creator', 'url', 'coverUrl', 'rating', 'review', 'finishedOn', 'visibility'] as const;

export function emptyFormValues(today: string): EntryFormValues {
  return { kind: 'book', title: '', creator: '', url: '', coverUrl: '', rating: '', review: '', finishedOn: today, visibility: 'public', announce: false };
}

export function formValuesOf(entry: EntryFields): EntryFormValues {
  return {
    kind: entry.kind,
    title: entry.title,
    creator: entry.creator ?? '',
    url: entry.url ?? '',
    coverUrl: entry.coverUrl ?? '',
    rating: entry.rating === undefined ? '' : String(entry.rating),
    review: entry.review ?? '',
    finishedOn: entry.finishedOn,
    visibility: entry.visibility,
    announce: entry.announce,
  };
}

export function readFormValues(form: FormData): EntryFormValues {
  const values = Object.fromEntries(TEXT_FIELDS.map((f) => [f, String(form.get(f) ?? '')])) as Omit<EntryFormValues, 'announce'>;
  return { ...values, announce: form.get('announce') === 'on' };
}

/** The form's strings as the schema's input: a rating is a number (text that isn't one stays text, and fails). */
export function formInput(values: EntryFormValues): Record<string, unknown> {
  const rating = values.rating.trim() === '' ? '' : Number(values.rating);
  return { ...values, rating: Number.isNaN(rating) ? values.rating : rating };
}
