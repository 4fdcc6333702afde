/** Options shared by the Markdown and JSON reports. */
export interface ReportOptions {
  /** Keep cookies, tokens and other credentials as captured. Default false: they are redacted. */
  readonly keepCredentials?: boolean;
  /** ISO 8601 time of the export; now when absent. */
  readonly generatedAt?: string;
  /** Where the exchanges come from (the inspected page's URL, a HAR file name). */
  readonly source?: string;
  /**
   * Requests the browser blocked that are not among the exchanges, because the source holds
   * nothing to check them by (a HAR without their preflight and response). The Markdown title and
   * summary and the JSON summary count them, so a report of such a file never says that nothing
   * failed. Default 0.
   */
  readonly unexplainedBlocks?: number;
}
