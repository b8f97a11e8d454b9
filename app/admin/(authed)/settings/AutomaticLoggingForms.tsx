'use client';

import { useActionState, useState } from 'react';
import { fieldErrorHelpers } from '../field-errors';
import { FormFooter } from '../form-footer';
import { regenerateHooksSecretAction, saveHookSettingsAction, type HookSettingsState, type RegenerateState } from './hooks-actions';
import styles from '../admin.module.css';

/**
 * A hook URL to paste into a media server, selected whole on focus, with a button that copies it
 * (the clipboard needs HTTPS or localhost; elsewhere the button selects it for Ctrl+C).
 */
export function HookUrl({ label, url, id }: { label: string; url: string; id: string }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'selected'>('idle');
  const copy = () => {
    const input = document.getElementById(id) as HTMLInputElement | null;
    input?.select();
    if (!navigator.clipboard) return setCopied('selected');
    navigator.clipboard.writeText(url).then(
      () => setCopied('copied'),
      () => setCopied('selected'),
    );
  };
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <div className={styles.row}>
        <input id={id} readOnly value={url} className={styles.grow} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
        <button type="button" onClick={copy} aria-describedby={`${id}-copied`}>
          Copy
        </button>
        <span id={`${id}-copied`} role="status" className={styles.hint}>
          {copied === 'copied' ? 'Copied' : copied === 'selected' ? 'Selected: press Ctrl+C' : ''}
        </span>
      </div>
    </div>
  );
}

/** Public or private, announced or not: how every automatic entry is logged. */
export function HookSettingsForm({ initial }: { initial: HookSettingsState }) {
  const [{ round, ...state }, formAction, pending] = useActionState(
    async (prev: HookSettingsState & { round: number }, form: FormData) => ({ ...(await saveHookSettingsAction(prev, form)), round: prev.round + 1 }),
    { ...initial, round: 0 },
  );
  const { describedBy: err, message } = fieldErrorHelpers(state.fields);
  return (
    <form key={round} action={formAction} noValidate className={styles.form} aria-describedby="hook-settings-status">
      <div className={styles.row}>
        <div className={styles.field}>
          <label htmlFor="hook-visibility">Automatic entries are</label>
          <select id="hook-visibility" name="visibility" defaultValue={state.values.visibility} {...err('visibility')}>
            <option value="public">Public</option>
            <option value="private">Private</option>
          </select>
          {message('visibility')}
        </div>
      </div>
      <label className={styles.inline}>
        <input type="checkbox" name="announce" defaultChecked={state.values.announce} /> Announce finished ones on the configured channels
      </label>
      <FormFooter pending={pending} label="Save" statusId="hook-settings-status" error={state.status === 'error'} message={state.message} />
    </form>
  );
}

/** Makes a new secret, after asking: the URLs pasted before stop working. */
export function RegenerateSecret() {
  const [state, formAction, pending] = useActionState<RegenerateState>(regenerateHooksSecretAction, { status: 'idle' });
  return (
    <form
      action={formAction}
      className={styles.formFooter}
      onSubmit={(e) => {
        if (!window.confirm('Make a new secret? The URLs pasted into your media servers stop working until you paste the new ones.')) e.preventDefault();
      }}
    >
      <button type="submit" disabled={pending}>
        {pending ? 'Making a new secret…' : 'Regenerate the secret'}
      </button>
      <p role="status" className={state.status === 'error' ? styles.formError : styles.formOk}>
        {state.message}
      </p>
    </form>
  );
}
