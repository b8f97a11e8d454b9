'use client';
import { useEffect, useRef, useState } from 'react';

/**
 * The owner's picture, from an address they typed (a plain img, no referrer sent). When it cannot
 * be loaded it gives way to the name's first letter instead of the browser's broken-image icon;
 * an image that failed before hydration is caught on mount (complete with no pixels).
 */
export function Avatar({ src, name, className, size }: { src: string; name: string; className?: string; size: number }) {
  const ref = useRef<HTMLImageElement>(null);
  const [broken, setBroken] = useState(false);
  useEffect(() => {
    const img = ref.current;
    if (img?.complete && img.naturalWidth === 0) setBroken(true);
  }, [src]);
  if (broken) {
    return (
      <span className={className} aria-hidden="true" data-testid="avatar-placeholder" style={{ width: size, height: size }}>
        {name.trim().charAt(0).toUpperCase()}
      </span>
    );
  }
  // eslint-disable-next-line @next/next/no-img-element
  return <img ref={ref} className={className} src={src} alt="" width={size} height={size} referrerPolicy="no-referrer" onError={() => setBroken(true)} />;
}
