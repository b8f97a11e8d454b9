import styles from './admin.module.css';

/** The admin forms' footer: the submit button (its label while saving) and the status line the form points at. */
export function FormFooter({ pending, label, statusId, error, message }: { pending: boolean; label: string; statusId: string; error: boolean; message?: string }) {
  return (
    <div className={styles.formFooter}>
      <button type="submit" disabled={pending}>
        {pending ? 'Saving…' : label}
      </button>
      <p id={statusId} role="status" className={error ? styles.formError : styles.formOk}>
        {message}
      </p>
    </div>
  );
}
