import type { Metadata, Viewport } from 'next';
import { readSettings } from '@/lib/settings/store';
import './globals.css';

/** Every page's title ends in the site's title as the owner set it ("Dune · Ada's shelf"), never a fixed "Shelf". */
export async function generateMetadata(): Promise<Metadata> {
  const { siteTitle } = await readSettings();
  return {
    title: { default: siteTitle, template: `%s · ${siteTitle}` },
    description: 'What I finished recently: books, articles, movies, shows, games and podcasts.',
  };
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#16171b' },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
