/** Options shared by the Markdown and JSON reports. */
export interface ReportOptions {
  /** Keep cookies, tokens and other credentials as captured. Default false: they are redacted. */
  readonly keepCredentials?: boolean;
  /** ISO 8601 time of the export; now when absent. */
  readonly generatedAt?: string;
  /** Where the exchanges come from (the inspected page's URL, a HAR file name). */
  readonly source?: string;
}
