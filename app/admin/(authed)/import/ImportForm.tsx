'use client';

import { useState } from 'react';
import styles from './import.module.css';

type Source = 'goodreads' | 'letterboxd' | 'storygraph' | 'imdb' | 'shelf';
type Outcome = 'new' | 'alreadyImported' | 'skipped' | 'error';
interface Row { line: number; title: string; finishedOn?: string; outcome: Outcome; reason?: string }
interface Summary { rows: number; new: number; alreadyImported: number; skipped: number; errors: number }
interface Result { dryRun: boolean; summary: Summary; rows: Row[] }

const SOURCES: { value: Source; label: string }[] = [
  { value: 'goodreads', label: 'Goodreads library export (CSV)' },
  { value: 'letterboxd', label: 'Letterboxd export (ZIP or diary.csv)' },
  { value: 'storygraph', label: 'StoryGraph library export (CSV)' },
  { value: 'imdb', label: 'IMDb ratings export (ratings.csv)' },
  { value: 'shelf', label: 'Shelf backup (entries.json, entries.csv, media.jsonl)' },
];
const OUTCOME_LABEL: Record<Outcome, string> = { new: 'new', alreadyImported: 'already imported', skipped: 'skipped', error: 'error' };
const OUTCOME_CLASS: Record<Outcome, string> = { new: styles.new!, alreadyImported: styles.alreadyImported!, skipped: styles.skipped!, error: styles.failed! };

/** Choose a file, preview every row, pick public or private, then import with progress. */
export function ImportForm() {
  const [source, setSource] = useState<Source>('goodreads');
  const [file, setFile] = useState<File | null>(null);
  const [visibility, setVisibility] = useState<'public' | 'private' | 'asIs'>('public');
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const reset = () => {
    setResult(null);
    setError('');
    setProgress(null);
  };

  const url = (dryRun: boolean) => {
    const params = new URLSearchParams({ source });
    if (dryRun) params.set('dryRun', '1');
    if (visibility !== 'asIs') params.set('visibility', visibility);
    return `/api/import?${params}`;
  };

  async function preview(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return setError('Choose the export file first');
    reset();
    setBusy(true);
    try {
      const response = await fetch(url(true), { method: 'POST', body: file });
      const body = await response.json();
      if (!response.ok) setError(body.error ?? `The preview failed (${response.status})`);
      else setResult(body);
    } catch {
      setError('The server cannot be reached: nothing was imported');
    } finally {
      setBusy(false);
    }
  }

  async function runImport() {
    if (!file) return;
    setBusy(true);
    setError('');
    try {
      const response = await fetch(url(false), { method: 'POST', body: file, headers: { accept: 'application/x-ndjson' } });
      if (!response.ok || !response.body) {
        const body = await response.json().catch(() => ({}));
        setError(body.error ?? `The import failed (${response.status})`);
        return;
      }
      // One JSON line per recorded batch, then the result.
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffered += value;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines.filter(Boolean)) {
          const message = JSON.parse(line);
          if (message.progress) setProgress(message.progress);
          if (message.result) setResult(message.result);
          if (message.error) setError(message.error);
        }
      }
    } catch {
      setError('The connection was lost: import the file again to finish (rows already imported are not added twice)');
    } finally {
      setBusy(false);
    }
  }

  const imported = result && !result.dryRun;
  return (
    <>
      <form className={styles.form} onSubmit={preview}>
        <div className={styles.row}>
          <div className={styles.field}>
            <label htmlFor="import-source">Source</label>
            <select id="import-source" value={source} onChange={(e) => { setSource(e.target.value as Source); reset(); }}>
              {SOURCES.map((s) => (
                <option key={s.value} value={s.value}>{s.label}</option>
              ))}
            </select>
          </div>
          <div className={styles.field}>
            <label htmlFor="import-file">Export file</label>
            <input id="import-file" type="file" accept=".csv,.zip,.json,.jsonl,text/csv,application/zip,application/json" onChange={(e) => { setFile(e.target.files?.[0] ?? null); reset(); }} />
          </div>
          <button type="submit" disabled={busy || !file}>Preview</button>
        </div>
        <fieldset className={styles.field}>
          <legend>Imported entries are</legend>
          <label className={styles.inline}>
            <input type="radio" name="import-visibility" checked={visibility === 'public'} onChange={() => setVisibility('public')} /> Public
          </label>
          <label className={styles.inline}>
            <input type="radio" name="import-visibility" checked={visibility === 'private'} onChange={() => setVisibility('private')} /> Private
          </label>
          {source === 'shelf' && (
            <label className={styles.inline}>
              <input type="radio" name="import-visibility" checked={visibility === 'asIs'} onChange={() => setVisibility('asIs')} /> As in the backup
            </label>
          )}
        </fieldset>
      </form>

      <div role="status" aria-live="polite">
        {error && <p className={styles.error} role="alert">{error}</p>}
        {progress && progress.total > 0 && (
          <p>
            <progress className={styles.progress} value={progress.done} max={progress.total} aria-label="Import progress" />{' '}
            {imported ? `Imported ${result.summary.new} entries.` : `Importing… ${progress.done} of ${progress.total}`}
          </p>
        )}
        {imported && progress?.total === 0 && <p className={styles.ok}>Nothing new to import.</p>}
      </div>

      {result && (
        <section aria-label={imported ? 'Import result' : 'Preview'}>
          <h2>{imported ? 'Imported' : 'Preview'}</h2>
          <ul className={styles.summary}>
            <li>{result.summary.rows} rows</li>
            <li>{result.summary.new} new</li>
            <li>{result.summary.alreadyImported} already imported</li>
            <li>{result.summary.skipped} skipped</li>
            <li>{result.summary.errors} errors</li>
          </ul>
          {!imported && (
            <p>
              <button type="button" onClick={runImport} disabled={busy || result.summary.new === 0}>
                {result.summary.new === 0 ? 'Nothing new to import' : `Import ${result.summary.new} new ${result.summary.new === 1 ? 'entry' : 'entries'}`}
              </button>
            </p>
          )}
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <thead>
                <tr><th scope="col">Line</th><th scope="col">Title</th><th scope="col">Date</th><th scope="col">Outcome</th><th scope="col">Why</th></tr>
              </thead>
              <tbody>
                {result.rows.map((row, i) => (
                  <tr key={i}>
                    <td>{row.line}</td>
                    <td>{row.title}</td>
                    <td>{row.finishedOn ?? ''}</td>
                    <td className={OUTCOME_CLASS[row.outcome]}>{OUTCOME_LABEL[row.outcome]}</td>
                    <td>{row.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {/* The server lists the first rows of a big file and counts them all. */}
          {result.summary.rows > result.rows.length && (
            <p className="muted" data-testid="rows-shown">
              Showing the first {result.rows.length} of {result.summary.rows} rows.
            </p>
          )}
        </section>
      )}
    </>
  );
}
