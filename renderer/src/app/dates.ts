/**
 * Dates as the interface language writes them. The first use of Intl in a
 * page loads its locale data (tens of milliseconds); the formatters are made
 * once per language, and made ahead while the page is idle, so that opening a
 * document never waits for them.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string): Intl.DateTimeFormat {
  let made = formatters.get(language);
  if (!made) {
    made = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(language, made);
  }
  return made;
}

export function formatDateTime(iso: string, language: string): string {
  return formatter(language).format(new Date(iso));
}

export function prepareDateFormats(languages: string[]): void {
  const prepare = () => languages.forEach((language) => formatter(language).format(0));
  if ('requestIdleCallback' in window) window.requestIdleCallback(prepare);
  else setTimeout(prepare, 200);
}
