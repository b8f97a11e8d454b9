'use client';
import { useState } from 'react';
import styles from './shell.module.css';

/**
 * Log out (a server action). Offline the action cannot reach the server, and the page would fall
 * to the error boundary ("Something went wrong"): say what is wrong instead, and log out once back.
 */
export function LogoutButton({ logOut }: { logOut: () => Promise<void> }) {
  const [offline, setOffline] = useState(false);
  return (
    <form
      action={logOut}
      onSubmit={(event) => {
        if (navigator.onLine) return setOffline(false);
        event.preventDefault();
        setOffline(true);
      }}
    >
      <button type="submit" className={styles.logout}>
        Log out
      </button>
      {offline && (
        <span role="alert" className={styles.logoutNote}>
          Offline: log out once the connection is back.
        </span>
      )}
    </form>
  );
}
