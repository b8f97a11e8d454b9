// The admin form speaks strings; the shared schema speaks JSON types. This converts between them.
import type { EntryRecord } from './fields';

/** What the form shows: every field as the text in its input (kept as typed when validation fails). */
export interface EntryFormValues {
  kind: string;
  title: string;
  creator: string;
  url: string;
  coverUrl: string;
  rating: string;
  review: string;
  /** finished, in-progress or abandoned. */
  status: string;
  startedOn: string;
  progress: string;
  progressNote: string;
  finishedOn: string;
  visibility: string;
  announce: boolean;
  /** Comma separated. */
  tags: string;
}

const TEXT_FIELDS = ['kind', 'title', 'creator', 'url', 'coverUrl', 'rating', 'review', 'status', 'startedOn', 'progress', 'progressNote', 'finishedOn', 'visibility', 'tags'] as const;

export function emptyFormValues(today: string): EntryFormValues {
  return {
    kind: 'book', title: '', creator: '', url: '', coverUrl: '', rating: '', review: '',
    status: 'finished', startedOn: '', progress: '', progressNote: '', finishedOn: today, visibility: 'public', announce: false, tags: '',
  };
}

/** The form of an entry; `today` fills the finished date of an entry not finished yet (used if it is finished in the form). */
export function formValuesOf(entry: EntryRecord, today = ''): EntryFormValues {
  return {
    kind: entry.kind,
    title: entry.title,
    creator: entry.creator ?? '',
    url: entry.url ?? '',
    coverUrl: entry.coverUrl ?? '',
    rating: entry.rating === undefined ? '' : String(entry.rating),
    review: entry.review ?? '',
    status: entry.status,
    startedOn: entry.startedOn ?? '',
    progress: entry.progress === undefined ? '' : String(entry.progress),
    progressNote: entry.progressNote ?? '',
    finishedOn: entry.finishedOn ?? today,
    visibility: entry.visibility,
    announce: entry.announce,
    tags: (entry.tags ?? []).join(', '),
  };
}

export function readFormValues(form: FormData): EntryFormValues {
  const values = Object.fromEntries(TEXT_FIELDS.map((f) => [f, String(form.get(f) ?? '')])) as Omit<EntryFormValues, 'announce'>;
  return { ...values, status: values.status || 'finished', announce: form.get('announce') === 'on' };
}

/** "Sci-Fi, classics," as a list; empty pieces dropped (the schema normalises and limits them). */
export const splitTags = (text: string) => text.split(',').map((t) => t.trim()).filter(Boolean);

/**
 * The form's strings as the schema's input: numbers are numbers (text that isn't one stays text, and
 * fails), tags a list, and the dates that do not belong to the chosen status are left out (the
 * form keeps them in hidden inputs so switching back and forth loses nothing).
 */
export function formInput(values: EntryFormValues): Record<string, unknown> {
  const number = (text: string) => {
    if (text.trim() === '') return '';
    const n = Number(text);
    return Number.isNaN(n) ? text : n;
  };
  const { finishedOn, progress, progressNote, ...rest } = values;
  const finished = values.status === 'finished' || values.status === '';
  return {
    ...rest,
    rating: number(values.rating),
    tags: splitTags(values.tags),
    ...(finished ? { finishedOn } : { progress: number(progress), progressNote }),
  };
}
