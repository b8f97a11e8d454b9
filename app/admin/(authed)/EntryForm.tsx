'use client';

import { useActionState, useState } from 'react';
import type { Channel } from '@/lib/announce/events';
import { readFormValues } from '@/lib/media/form-values';
import { AnnouncePreview } from './AnnouncePreview';
import { TitleLookup, type LookupResult } from './TitleLookup';
import { KIND_INFO, KINDS, type Kind } from '@/lib/media/kinds';
import { LIMITS } from '@/lib/media/fields';
import type { EntryFormState } from './actions';
import { StatusFields } from './StatusFields';
import { TagsField } from './TagsField';
import { fieldErrorHelpers } from './field-errors';
import { FormFooter } from './form-footer';
import styles from './admin.module.css';

/** Sets an uncontrolled input's value as typing would, so the form's own listeners see it. */
function fill(form: HTMLFormElement, name: string, value: string | undefined) {
  const input = form.elements.namedItem(name);
  if (!(input instanceof HTMLInputElement)) return;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value ?? '');
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** A lookup match chosen: title, creator, link and cover filled in the title's form (all still editable). */
function fillFromLookup(title: HTMLElement | null, match: LookupResult) {
  const form = title instanceof HTMLInputElement ? title.form : null;
  if (!form) return;
  fill(form, 'title', match.title);
  fill(form, 'creator', match.creator);
  fill(form, 'url', match.url);
  fill(form, 'coverUrl', match.coverUrl);
}

const RATINGS = ['0.5', '1', '1.5', '2', '2.5', '3', '3.5', '4', '4.5', '5'];
const starsText = (r: number) => '★'.repeat(Math.floor(r)) + (r % 1 ? '½' : '');

type Action = (state: EntryFormState, form: FormData) => Promise<EntryFormState>;

/** The log/edit form: validated on the server; errors appear next to their field, with the input kept. */
export function EntryForm({
  action,
  initial,
  submitLabel,
  channels,
  tagSuggestions = [],
}: {
  action: Action;
  initial: EntryFormState;
  submitLabel: string;
  /** The announcement channels configured on the server, for the preview. */
  channels: readonly Channel[];
  /** Tags already in use, most used first. */
  tagSuggestions?: readonly string[];
}) {
  // Each answer counts a round: the form remounts on every answer, so the inputs and the state
  // derived from them (creator label, review counter, preview) show exactly the values sent, even
  // when a fresh form after "Log it" has the same values as the one before.
  const [{ round, ...state }, formAction, pending] = useActionState(
    async (prev: EntryFormState & { round: number }, form: FormData) => ({ ...(await action(prev, form)), round: prev.round + 1 }),
    { ...initial, round: 0 },
  );
  return (
    <form key={round} action={formAction} noValidate className={styles.form} aria-describedby="form-status">
      <FormFields state={state} channels={channels} tagSuggestions={tagSuggestions} />
      <FormFooter pending={pending} label={submitLabel} statusId="form-status" error={state.status === 'error'} message={state.message} />
    </form>
  );
}

function FormFields({ state, channels, tagSuggestions }: { state: EntryFormState; channels: readonly Channel[]; tagSuggestions: readonly string[] }) {
  const { values, fields: errors } = state;
  // What the inputs hold now, for the announcement preview (the inputs themselves stay uncontrolled).
  const [current, setCurrent] = useState(values);
  const track = (e: React.FormEvent<HTMLElement>) => {
    const form = (e.target as HTMLInputElement).form;
    if (form) setCurrent(readFormValues(new FormData(form)));
  };
  const [kind, setKind] = useState<Kind>(KINDS.includes(values.kind as Kind) ? (values.kind as Kind) : 'book');
  const [reviewLength, setReviewLength] = useState(values.review.length);
  const [title, setTitle] = useState(values.title);
  const { describedBy: err, message } = fieldErrorHelpers(errors);

  return (
    <div className={styles.form} onInput={track} onChange={track}>
      <div className={styles.row}>
        <div className={styles.field}>
          <label htmlFor="kind">Kind</label>
          <select id="kind" name="kind" defaultValue={values.kind} onChange={(e) => setKind(e.target.value as Kind)} {...err('kind')}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_INFO[k].label}
              </option>
            ))}
          </select>
          {message('kind')}
        </div>
        <div className={`${styles.field} ${styles.grow}`}>
          <label htmlFor="title">Title</label>
          <input id="title" name="title" defaultValue={values.title} autoComplete="off" onInput={(e) => setTitle(e.currentTarget.value)} {...err('title')} />
          {message('title')}
          <TitleLookup kind={kind} query={title} onPick={(match) => fillFromLookup(document.getElementById('title'), match)} />
        </div>
      </div>

      <div className={styles.row}>
        <div className={`${styles.field} ${styles.grow}`}>
          <label htmlFor="creator">{KIND_INFO[kind].creatorLabel}</label>
          <input id="creator" name="creator" defaultValue={values.creator} {...err('creator')} />
          {message('creator')}
        </div>
        <div className={styles.field}>
          <label htmlFor="rating">Rating</label>
          <select id="rating" name="rating" defaultValue={values.rating} {...err('rating')}>
            <option value="">No rating</option>
            {RATINGS.map((r) => (
              <option key={r} value={r}>
                {starsText(Number(r))} ({r})
              </option>
            ))}
            {values.rating && !RATINGS.includes(values.rating) && <option value={values.rating}>{values.rating}</option>}
          </select>
          {message('rating')}
        </div>
      </div>

      <StatusFields values={values} err={err} message={message} />

      <div className={styles.row}>
        <div className={`${styles.field} ${styles.grow}`}>
          <label htmlFor="url">Link</label>
          <input id="url" name="url" type="url" inputMode="url" placeholder="https://" defaultValue={values.url} {...err('url')} />
          {message('url')}
        </div>
        <div className={`${styles.field} ${styles.grow}`}>
          <label htmlFor="coverUrl">Cover image</label>
          <input id="coverUrl" name="coverUrl" type="url" inputMode="url" placeholder="https://" defaultValue={values.coverUrl} {...err('coverUrl')} />
          {message('coverUrl')}
        </div>
      </div>

      <div className={styles.field}>
        <label htmlFor="review">
          Short review <span className={styles.hint}>{reviewLength} / {LIMITS.review}</span>
        </label>
        <textarea id="review" name="review" rows={3} defaultValue={values.review} onChange={(e) => setReviewLength(e.target.value.length)} {...err('review')} />
        {message('review')}
      </div>

      <TagsField initial={values.tags} suggestions={tagSuggestions} error={errors.tags} />

      <div className={styles.row}>
        <fieldset className={styles.field} {...err('visibility')}>
          <legend>Visibility</legend>
          <label className={styles.inline}>
            <input type="radio" name="visibility" value="public" defaultChecked={values.visibility !== 'private'} /> Public
          </label>
          <label className={styles.inline}>
            <input type="radio" name="visibility" value="private" defaultChecked={values.visibility === 'private'} /> Private
          </label>
          {message('visibility')}
        </fieldset>
        <div className={styles.field}>
          <span className={styles.legend}>Announce</span>
          <label className={styles.inline}>
            <input type="checkbox" name="announce" defaultChecked={values.announce} /> Post it to my channels
          </label>
          {message('announce')}
        </div>
      </div>
      <AnnouncePreview values={current} channels={channels} />
      {Object.keys(errors)
        .filter((k) => !['kind', 'title', 'creator', 'finishedOn', 'rating', 'url', 'coverUrl', 'review', 'visibility', 'announce', 'status', 'startedOn', 'progress', 'tags'].includes(k))
        .map((k) => (
          <p key={k} className={styles.fieldError}>
            {errors[k]}
          </p>
        ))}
    </div>
  );
}
