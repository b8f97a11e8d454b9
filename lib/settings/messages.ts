/** "Please fix: Site title, Avatar": the fields' labels, never their internal names. */
export const fixSummaryWith = (fields: Record<string, string>, labels: Record<string, string>) =>
  `Please fix: ${Object.keys(fields).map((name) => (Object.hasOwn(labels, name) ? labels[name] : name)).join(', ')}.`;
