'use client';

import { useActionState } from 'react';
import { LAYOUTS, LIMIT_MAX, LIMIT_MIN, THEMES } from '@/lib/embed/options';
import { SETTINGS_LIMITS } from '@/lib/settings/schema';
import { saveSettingsAction, type SettingsFormState } from './actions';
import { fieldErrorHelpers } from '../field-errors';
import { FormFooter } from '../form-footer';
import styles from '../admin.module.css';

/** The settings form: checked on the server; errors appear next to their field, with the input kept. */
export function SettingsForm({ initial }: { initial: SettingsFormState }) {
  const [{ round, ...state }, formAction, pending] = useActionState(
    async (prev: SettingsFormState & { round: number }, form: FormData) => ({ ...(await saveSettingsAction(prev, form)), round: prev.round + 1 }),
    { ...initial, round: 0 },
  );
  const { values, fields: errors } = state;
  const { describedBy: err, message } = fieldErrorHelpers(errors);

  return (
    // Remounted on every answer, so each input shows exactly the values sent back.
    <form key={round} action={formAction} noValidate className={styles.form} aria-describedby="settings-status">
      <div className={styles.row}>
        <div className={`${styles.field} ${styles.grow}`}>
          <label htmlFor="ownerName">Name</label>
          <input id="ownerName" name="ownerName" defaultValue={values.ownerName} maxLength={SETTINGS_LIMITS.ownerName} autoComplete="name" {...err('ownerName')} />
          {message('ownerName')}
        </div>
        <div className={`${styles.field} ${styles.grow}`}>
          <label htmlFor="siteTitle">Site title</label>
          <input id="siteTitle" name="siteTitle" defaultValue={values.siteTitle} maxLength={SETTINGS_LIMITS.siteTitle} {...err('siteTitle')} />
          {message('siteTitle')}
        </div>
      </div>

      <div className={styles.field}>
        <label htmlFor="bio">
          Short bio <span className={styles.hint}>Markdown: **bold**, _italic_, [links](https://…); no HTML</span>
        </label>
        <textarea id="bio" name="bio" rows={4} defaultValue={values.bio} {...err('bio')} />
        {message('bio')}
      </div>

      <div className={styles.field}>
        <label htmlFor="avatarUrl">Avatar image</label>
        <input id="avatarUrl" name="avatarUrl" type="url" inputMode="url" placeholder="https://" defaultValue={values.avatarUrl} {...err('avatarUrl')} />
        {message('avatarUrl')}
      </div>

      <div className={styles.field}>
        <label htmlFor="links">
          Links <span className={styles.hint}>one per line: a name, then the address (shown with rel=&quot;me&quot; for Mastodon verification)</span>
        </label>
        <textarea id="links" name="links" rows={3} placeholder="Mastodon https://social.example/@you" defaultValue={values.links} {...err('links')} />
        {message('links')}
      </div>

      <fieldset className={styles.field}>
        <legend>Widget defaults</legend>
        <p className={styles.hint} style={{ marginLeft: 0 }}>
          What the widget shows when its snippet does not say otherwise.
        </p>
        <div className={styles.row}>
          <div className={styles.field}>
            <label htmlFor="limit">How many</label>
            <input id="limit" name="limit" type="number" min={LIMIT_MIN} max={LIMIT_MAX} defaultValue={values.limit} {...err('limit')} />
            {message('limit')}
          </div>
          <div className={styles.field}>
            <label htmlFor="theme">Theme</label>
            <select id="theme" name="theme" defaultValue={values.theme} {...err('theme')}>
              {THEMES.map((t) => (
                <option key={t} value={t}>
                  {t === 'auto' ? 'Auto (follows the visitor)' : t[0]!.toUpperCase() + t.slice(1)}
                </option>
              ))}
            </select>
            {message('theme')}
          </div>
          <div className={styles.field}>
            <label htmlFor="layout">Layout</label>
            <select id="layout" name="layout" defaultValue={values.layout} {...err('layout')}>
              {LAYOUTS.map((l) => (
                <option key={l} value={l}>
                  {l === 'list' ? 'List' : 'Grid of covers'}
                </option>
              ))}
            </select>
            {message('layout')}
          </div>
        </div>
        <div>
          <label className={styles.inline}>
            <input type="checkbox" name="covers" defaultChecked={values.covers} /> Covers
          </label>
          <label className={styles.inline}>
            <input type="checkbox" name="ratings" defaultChecked={values.ratings} /> Ratings
          </label>
          <label className={styles.inline}>
            <input type="checkbox" name="reviews" defaultChecked={values.reviews} /> Reviews
          </label>
        </div>
      </fieldset>

      <FormFooter pending={pending} label="Save settings" statusId="settings-status" error={state.status === 'error'} message={state.message} />
    </form>
  );
}
