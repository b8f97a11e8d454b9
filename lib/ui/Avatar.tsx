'use client';
import { useBrokenImage } from './use-broken-image';

/**
 * The owner's picture, from an address they typed (a plain img, no referrer sent). When it cannot
 * be loaded it gives way to the name's first letter instead of the browser's broken-image icon.
 */
export function Avatar({ src, name, className, size }: { src: string; name: string; className?: string; size: number }) {
  const { ref, broken, onError } = useBrokenImage(src);
  if (broken) {
    return (
      <span className={className} aria-hidden="true" data-testid="avatar-placeholder">
        {name.trim().charAt(0).toUpperCase()}
      </span>
    );
  }
  // eslint-disable-next-line @next/next/no-img-element
  return <img ref={ref} className={className} src={src} alt="" width={size} height={size} referrerPolicy="no-referrer" onError={onError} />;
}
