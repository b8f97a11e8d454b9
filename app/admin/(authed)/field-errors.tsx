import styles from './admin.module.css';

/**
 * The admin forms' per-field error wiring: `describedBy(name)` marks an input invalid and points
 * it at its message, `message(name)` renders that message next to the field (or nothing).
 */
export function fieldErrorHelpers(errors: Record<string, string | undefined>) {
  return {
    describedBy: (name: string) => (errors[name] ? { 'aria-invalid': true as const, 'aria-describedby': `${name}-error` } : {}),
    message: (name: string) =>
      errors[name] ? (
        <p id={`${name}-error`} className={styles.fieldError}>
          {errors[name]}
        </p>
      ) : null,
  };
}
