'use client';
import { useBrokenImage } from './use-broken-image';

/**
 * A cover from anywhere on the web (a plain img, no referrer sent) that turns into the kind's
 * placeholder when it cannot be loaded, instead of alt text overflowing its box or a broken-image
 * icon. An image that failed before hydration is caught on mount (complete with no pixels).
 */
export function CoverImage({ src, alt, icon, placeholderClassName }: { src: string; alt: string; icon: string; placeholderClassName?: string }) {
  const { ref, broken, onError } = useBrokenImage(src);
  if (broken) {
    return (
      <span className={placeholderClassName} aria-hidden="true" data-testid="cover-placeholder">
        {icon}
      </span>
    );
  }
  // eslint-disable-next-line @next/next/no-img-element
  return <img ref={ref} src={src} alt={alt} loading="lazy" referrerPolicy="no-referrer" onError={onError} />;
}
