import type { MetadataRoute } from 'next';
import { QUICK_LOG_PATH, SHARE_PARAMS } from '@/lib/offline/share';

// The web app manifest (/manifest.webmanifest): "Add to home screen" gives a Shelf app that opens
// on the quick log page, and a share target, so sharing a link from another app lands there too.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: QUICK_LOG_PATH,
    name: 'Shelf',
    short_name: 'Shelf',
    description: 'Log what you finished: books, articles, movies, shows, games and podcasts, even offline.',
    start_url: QUICK_LOG_PATH,
    scope: '/',
    display: 'standalone',
    background_color: '#fbfaf7',
    // The site's accent (--accent in app/globals.css), as the icons are.
    theme_color: '#b4542d',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    share_target: { action: QUICK_LOG_PATH, method: 'GET', enctype: 'application/x-www-form-urlencoded', params: SHARE_PARAMS },
  };
}
