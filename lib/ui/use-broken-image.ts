'use client';
import { useEffect, useRef, useState } from 'react';

/**
 * Whether an img from an address someone typed cannot be loaded: its error event, or, for one that
 * failed before hydration, caught on mount (complete with no pixels). The caller shows a stand-in.
 */
export function useBrokenImage(src: string) {
  const ref = useRef<HTMLImageElement>(null);
  const [broken, setBroken] = useState(false);
  useEffect(() => {
    const img = ref.current;
    if (img?.complete && img.naturalWidth === 0) setBroken(true);
  }, [src]);
  return { ref, broken, onError: () => setBroken(true) };
}
