'use client';

import { useActionState } from 'react';
import { removeFollowerAction, saveHandleAction, unblockServerAction, type FediverseFormState } from './fediverse-actions';
import { fieldErrorHelpers } from '../field-errors';
import styles from '../admin.module.css';

const idle: FediverseFormState = { status: 'idle', message: '', fields: {} };
const failed = (state: FediverseFormState) => state.status === 'error';

/** The handle: `@<handle>@<site>`. Errors next to the field, the input kept. */
export function HandleForm({ handle }: { handle: string }) {
  const [state, action, pending] = useActionState(saveHandleAction, idle);
  const { describedBy, message } = fieldErrorHelpers(state.fields);
  return (
    <form action={action} noValidate className={styles.form} aria-describedby="handle-status">
      <div className={styles.field}>
        <label htmlFor="handle">Handle</label>
        <input id="handle" name="handle" defaultValue={state.handle ?? handle} maxLength={30} autoComplete="off" {...describedBy('handle')} />
        {message('handle')}
      </div>
      <div className={styles.formFooter}>
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save handle'}
        </button>
        <p id="handle-status" role="status" className={failed(state) ? styles.formError : styles.formOk}>
          {state.message}
        </p>
      </div>
    </form>
  );
}

/** One follower's row: remove them, or remove them and block their server. */
export function FollowerActions({ actorId, handle, host }: { actorId: string; handle: string; host: string }) {
  const [state, action, pending] = useActionState(removeFollowerAction, idle);
  return (
    <form action={action} className={styles.inline}>
      <input type="hidden" name="actorId" value={actorId} />
      <button type="submit" name="block" value="0" disabled={pending} aria-label={`Remove ${handle}`}>
        Remove
      </button>{' '}
      <button type="submit" name="block" value="1" disabled={pending} aria-label={`Remove ${handle} and block ${host}`}>
        Remove and block {host}
      </button>
      <span role="status" className={failed(state) ? styles.formError : styles.formOk}>
        {state.message}
      </span>
    </form>
  );
}

export function UnblockButton({ host }: { host: string }) {
  const [state, action, pending] = useActionState(unblockServerAction, idle);
  return (
    <form action={action} className={styles.inline}>
      <input type="hidden" name="host" value={host} />
      <button type="submit" disabled={pending} aria-label={`Unblock ${host}`}>
        Unblock
      </button>
      <span role="status">{state.message}</span>
    </form>
  );
}
