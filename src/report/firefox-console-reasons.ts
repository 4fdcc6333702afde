/**
 * The end of the line Firefox's console writes for each CORS reason key, in English, as Firefox
 * ESR 153 has it (security.properties; `%2$S` is the reason's parameter). The line starts
 * "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at
 * <url>." and these words, which tell the failures apart, are what a developer finds in the console.
 */
const reasonTexts: Readonly<Record<string, string>> = {
  CORSDisabled: '(Reason: CORS disabled).',
  CORSDidNotSucceed2: '(Reason: CORS request did not succeed). Status code: %2$S.',
  CORSOriginHeaderNotAdded: '(Reason: CORS header ‘Origin’ cannot be added).',
  CORSExternalRedirectNotAllowed: '(Reason: CORS request external redirect not allowed).',
  CORSRequestNotHttp: '(Reason: CORS request not http).',
  CORSMissingAllowOrigin2: '(Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: %2$S.',
  CORSMultipleAllowOriginNotAllowed: '(Reason: Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed).',
  CORSAllowOriginNotMatchingOrigin: '(Reason: CORS header ‘Access-Control-Allow-Origin’ does not match ‘%2$S’).',
  CORSNotSupportingCredentials: '(Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’).',
  CORSMethodNotFound: '(Reason: Did not find method in CORS header ‘Access-Control-Allow-Methods’).',
  CORSMissingAllowCredentials: '(Reason: expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’).',
  CORSPreflightDidNotSucceed3: '(Reason: CORS preflight response did not succeed). Status code: %2$S.',
  CORSInvalidAllowMethod: '(Reason: invalid token ‘%2$S’ in CORS header ‘Access-Control-Allow-Methods’).',
  CORSInvalidAllowHeader: '(Reason: invalid token ‘%2$S’ in CORS header ‘Access-Control-Allow-Headers’).',
  CORSMissingAllowHeaderFromPreflight2: '(Reason: header ‘%2$S’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response).',
};

/** The reason keys whose words are known (what the browser test holds to Firefox's own strings). */
export const knownFirefoxReasonKeys: readonly string[] = Object.keys(reasonTexts);

/**
 * What Firefox's console says of a reason key with its parameter (Firefox writes a missing one as
 * `(null)`), or null for a key this table does not know.
 */
export function firefoxConsoleReason(key: string, parameter: string | null): string | null {
  if (!Object.hasOwn(reasonTexts, key)) return null;
  // A function, not a string, as the replacement: a parameter holding `$&` is quoted as it is.
  return (reasonTexts[key] as string).replace('%2$S', () => parameter ?? '(null)');
}
