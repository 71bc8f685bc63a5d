/**
 * The Content-Security-Policy of the renderer, one definition for both
 * shells: the HTTP server sends it as a header, the built index.html carries
 * it as a meta tag for Electron's file:// load. Nothing inline, nothing remote.
 */
const directives: Record<string, string> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'object-src': "'none'",
};

/** Directives a meta tag cannot carry; only the header sends them. */
const headerOnly: Record<string, string> = {
  'frame-ancestors': "'none'",
};

export function contentSecurityPolicy(target: 'header' | 'meta'): string {
  const all = target === 'header' ? { ...directives, ...headerOnly } : directives;
  return Object.entries(all)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}
