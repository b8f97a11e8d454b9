'use client';
import { useEffect, useRef } from 'react';

/** The message the widget posts to its parent page; public/embed.js listens for it. */
export const HEIGHT_MESSAGE = 'shelf:embed-height';

/**
 * The widget's root: tells the page that frames it how tall the content is, on load and on every
 * change (a cover loading, a live update, a narrower window), so the iframe never scrolls.
 * The height is not secret, so it goes to any parent; the parent checks where it came from.
 */
export function ReportHeight({ children, ...props }: { children: React.ReactNode; className?: string } & Record<`data-${string}`, string>) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || window.parent === window) return;
    let sent = -1;
    const report = () => {
      const height = Math.ceil(el.getBoundingClientRect().height);
      if (height === sent) return;
      sent = height;
      window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
    };
    const observer = new ResizeObserver(report);
    observer.observe(el);
    report();
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} {...props}>
      {children}
    </div>
  );
}
