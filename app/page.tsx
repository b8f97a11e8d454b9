import { redirect } from 'next/navigation';

// The About page is the site's front door.
export default function Home() {
  redirect('/about');
}
