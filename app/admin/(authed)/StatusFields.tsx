'use client';

import { useState } from 'react';
import { LIMITS } from '@/lib/media/fields';
import type { EntryFormValues } from '@/lib/media/form-values';
import styles from './admin.module.css';

const STATUS_OPTIONS = [
  ['finished', 'Finished'],
  ['in-progress', 'In progress'],
  ['abandoned', 'Abandoned'],
] as const;

type FieldProps = (name: string) => Record<string, unknown>;

/**
 * Status and its dates: a finished entry has a finished date; one in progress (or abandoned) has a
 * progress instead. Inputs that do not apply are hidden, not removed, so switching back keeps them
 * (the server ignores the ones that do not fit the status).
 */
export function StatusFields({ values, err, message }: { values: EntryFormValues; err: FieldProps; message: (name: string) => React.ReactNode }) {
  const [status, setStatus] = useState(values.status || 'finished');
  const finished = status === 'finished';
  return (
    <div className={styles.row}>
      <div className={styles.field}>
        <label htmlFor="status">Status</label>
        <select id="status" name="status" defaultValue={status} onChange={(e) => setStatus(e.target.value)} {...err('status')}>
          {STATUS_OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {message('status')}
      </div>
      <div className={styles.field}>
        <label htmlFor="startedOn">
          Started <span className={styles.hint}>optional</span>
        </label>
        <input id="startedOn" name="startedOn" type="date" defaultValue={values.startedOn} {...err('startedOn')} />
        {message('startedOn')}
      </div>
      <div className={styles.field} hidden={!finished}>
        <label htmlFor="finishedOn">Finished</label>
        <input id="finishedOn" name="finishedOn" type="date" defaultValue={values.finishedOn} {...err('finishedOn')} />
        {message('finishedOn')}
      </div>
      <div className={styles.field} hidden={finished}>
        <label htmlFor="progress">
          Progress <span className={styles.hint}>0-100 %</span>
        </label>
        <input id="progress" name="progress" type="number" min={0} max={100} step={1} inputMode="numeric" defaultValue={values.progress} {...err('progress')} />
        {message('progress')}
      </div>
      <div className={styles.field} hidden={finished}>
        <label htmlFor="progressNote">
          Where you are <span className={styles.hint}>optional: S01E03, chapter 12</span>
        </label>
        <input id="progressNote" name="progressNote" maxLength={LIMITS.progressNote} defaultValue={values.progressNote} {...err('progressNote')} />
        {message('progressNote')}
      </div>
    </div>
  );
}
