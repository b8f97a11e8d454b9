'use client';

import Link from 'next/link';
import { ErrorNotice } from './error-notice';

/** A page that failed while rendering: say so in the site's style, offer a retry and a way out. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorNotice
      message="This page could not be shown just now. Nothing you saved is lost: try again, or come back in a moment."
      digest={error.digest}
      reset={reset}
      home={
        <Link className="button" href="/about">
          Recently finished
        </Link>
      }
    />
  );
}
