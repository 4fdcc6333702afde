import { warningSentence, type HarAnalysis, type SkippedEntry } from '../har/index';
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
  return [...analysis.fileWarnings.map((warning) => warningSentence(warning, show)), ...analysis.skipped.map((s) => skippedNote(s, show))];
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
