import type { HarAnalysis, SkippedEntry } from '../har/index';
import { inlineText } from '../report/markdown-text';
import { redactUrl } from '../report/redact';

/**
 * The CLI's notes about the HAR file itself, which the report formats have no field for. They
 * quote the file (URLs, methods), so each goes out as the reports' own lines do: credentials in
 * URLs redacted unless kept, and quoted for its output so a value cannot act on it.
 */

/** URLs as recorded, or redacted as the reports redact them. */
function urlShown(keepCredentials: boolean): (url: string) => string {
  return keepCredentials ? (url) => url : (url) => redactUrl(url);
}

/** The file's warnings and skipped entries as plain sentences, URLs redacted unless `keepCredentials`. */
export function fileNotes(analysis: HarAnalysis, keepCredentials: boolean): string[] {
  const show = urlShown(keepCredentials);
  // The longest first, so a URL that is the start of another does not cut that one's query in two.
  const quoted = [...new Set(analysis.quotedUrls)].sort((a, b) => b.length - a.length);
  // A replacer function: a URL's `$&` or `$'` must not read as a replacement pattern.
  const warnings = analysis.warnings.map((w) => quoted.reduce((text, url) => text.replaceAll(url, () => show(url)), w));
  return [...warnings, ...analysis.skipped.map((s) => skippedNote(s, show))];
}

function skippedNote(skipped: SkippedEntry, show: (url: string) => string): string {
  return `entry ${skipped.index} skipped: ${skipped.reason}${skipped.url === undefined ? '' : `: ${JSON.stringify(show(skipped.url))}`}.`;
}

/** The blocked requests the file cannot explain, one sentence each, URLs redacted unless `keepCredentials`. */
export function unexplainedNotes(analysis: HarAnalysis, keepCredentials: boolean): string[] {
  const show = urlShown(keepCredentials);
  return analysis.unexplained.map((u) => `entry ${u.index}: ${u.method} ${show(u.url)} was blocked (${u.error}); the file holds neither its preflight nor its response.`);
}

/** Notes as a Markdown section: each a list item whose text cannot become a heading, a link or HTML. */
export function markdownNotes(notes: readonly string[]): string {
  if (notes.length === 0) return '';
  return `\n## About the HAR file\n\n${notes.map((note) => `- ${inlineText(note)}`).join('\n')}\n`;
}
