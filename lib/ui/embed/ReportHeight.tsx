'use client';
import { useEffect, useRef } from 'react';

/** The message the widget posts to its parent page; public/embed.js listens for it. */
export const HEIGHT_MESSAGE = 'shelf:embed-height';
/**
 * The parent's "I am listening now, how tall are you?": a page that starts listening after the
 * widget first reported (the builder before it hydrates, a slow host page) would otherwise never
 * hear the height, since the widget only reports again when its size changes.
 */
export const HELLO_MESSAGE = 'shelf:embed-hello';

/**
 * The widget's root: tells the page that frames it how tall the content is, on mount, when the
 * parent says hello, when the document, its images and fonts have loaded, and on every size
 * change (a cover loading, a live update, a narrower window), so the iframe never scrolls.
 * The height is not secret, so it goes to any parent; the parent checks where it came from.
 */
export function ReportHeight({ children, ...props }: { children: React.ReactNode; className?: string } & Record<`data-${string}`, string>) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || window.parent === window) return;
    let sent = -1;
    const report = (force = false) => {
      const height = Math.ceil(el.getBoundingClientRect().height);
      if (height === sent && !force) return;
      sent = height;
      window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
    };
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: unknown } | null;
      if (event.source === window.parent && data?.type === HELLO_MESSAGE) report(true);
    };
    const onLoad = () => report();
    window.addEventListener('message', onMessage);
    window.addEventListener('load', onLoad);
    // Image load and error events do not bubble, but they can be caught on the way down.
    el.addEventListener('load', onLoad, true);
    el.addEventListener('error', onLoad, true);
    void document.fonts?.ready.then(onLoad);
    const observer = new ResizeObserver(() => report());
    observer.observe(el);
    report(true);
    return () => {
      observer.disconnect();
      window.removeEventListener('message', onMessage);
      window.removeEventListener('load', onLoad);
      el.removeEventListener('load', onLoad, true);
      el.removeEventListener('error', onLoad, true);
    };
  }, []);
  return (
    <div ref={ref} {...props}>
      {children}
    </div>
  );
}
