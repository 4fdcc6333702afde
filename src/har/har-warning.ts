/** Something the reader should know about a HAR file as a whole. */
export interface HarWarning {
  /**
   * A plain sentence. With a {@link url} it stops where the URL goes, and {@link warningSentence}
   * ends it with `: "<url>".`; without one it is whole, its full stop included.
   */
  readonly message: string;
  /** The URL the sentence is about, as recorded: not in `message`, so an output can redact it. */
  readonly url?: string;
}

/**
 * The warning as one sentence, its URL shown by `showUrl` (as recorded by default) and quoted, so
 * the URL's end is plain however it ends.
 */
export function warningSentence(warning: HarWarning, showUrl: (url: string) => string = (url) => url): string {
  return warning.url === undefined ? warning.message : `${warning.message}: ${JSON.stringify(showUrl(warning.url))}.`;
}
