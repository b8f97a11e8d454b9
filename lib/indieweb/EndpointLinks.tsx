import { advertisedEndpoints } from './endpoints';

/**
 * The page's <link rel> to the IndieAuth, Micropub and Webmention endpoints (the Link header says
 * the same). React hoists them into <head>.
 */
export function EndpointLinks({ origin }: { origin: string }) {
  return (
    <>
      {advertisedEndpoints(origin).map(([rel, href]) => (
        <link key={rel} rel={rel} href={href} />
      ))}
    </>
  );
}
