/** Why a file could not be read as a HAR at all (a partial read is a warning, not an error). */
export const harErrorCodes = ['not-json', 'not-har', 'truncated', 'empty'] as const;
export type HarErrorCode = (typeof harErrorCodes)[number];

/**
 * The input is not a HAR file the analysis can read. The message is meant for the person who
 * chose the file: it says what was found and what a HAR file looks like.
 */
export class HarError extends Error {
  override readonly name = 'HarError';

  constructor(
    readonly code: HarErrorCode,
    message: string,
  ) {
    super(message);
  }
}
