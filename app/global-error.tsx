'use client';

import './globals.css';
import { ErrorNotice } from './error-notice';

/** When the root layout itself fails: this replaces it, so it brings its own html and body (and a plain link home). */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <ErrorNotice
          message="The site could not be shown just now. Nothing you saved is lost."
          digest={error.digest}
          reset={reset}
          home={
            <a className="button" href="/about">
              Recently finished
            </a>
          }
        />
      </body>
    </html>
  );
}
