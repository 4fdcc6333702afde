/**
 * The whole corpus, grouped by topic. `topic` is what docs/conformance.md counts.
 */
import { actualResponseCases } from './actual-response';
import { allowHeadersCases } from './allow-headers';
import { allowMethodsCases } from './allow-methods';
import { allowOriginCases } from './allow-origin';
import { authorizationCases } from './authorization';
import type { CorsCase } from './case';
import { clientHintCases } from './client-hints';
import { credentialsCases } from './credentials';
import { forbiddenHeaderCases } from './forbidden-headers';
import { headerBaselineCases, headerByteCases } from './header-bytes';
import { maxAgeCases } from './max-age';
import { methodCases, methodWithHeaderCases } from './methods';
import { mimeTypeCases } from './mime-types';
import { nullOriginCases } from './null-origin';
import { preflightStatusCases } from './preflight-status';
import { rangeCases } from './range';
import { repeatedHeaderCases } from './repeated-headers';
import { sameOriginCases } from './same-origin';
import { valueLimitCases } from './value-limits';

export const topics: ReadonlyArray<readonly [topic: string, cases: readonly CorsCase[]]> = [
  ['methods', [...methodCases, ...methodWithHeaderCases]],
  ['safelisted header bytes', [...headerByteCases, ...headerBaselineCases]],
  ['Content-Type MIME types', mimeTypeCases],
  ['Range', rangeCases],
  ['128-byte and 1,024-byte limits', valueLimitCases],
  ['forbidden headers', forbiddenHeaderCases],
  ['repeated headers', repeatedHeaderCases],
  ['client hints', clientHintCases],
  ['Authorization', authorizationCases],
  ['Access-Control-Allow-Origin', allowOriginCases],
  ['credentials', credentialsCases],
  ['Access-Control-Allow-Methods', allowMethodsCases],
  ['Access-Control-Allow-Headers', allowHeadersCases],
  ['preflight status', preflightStatusCases],
  ['Access-Control-Max-Age', maxAgeCases],
  ['actual response', actualResponseCases],
  ['same-origin controls', sameOriginCases],
  ['opaque (null) origin', nullOriginCases],
];

/** Every case, sorted by id; throws on a duplicate id (ids name paths, so they must be unique). */
export function allCases(): CorsCase[] {
  const cases = topics.flatMap(([, list]) => list);
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) throw new Error(`duplicate case id ${c.id}`);
    seen.add(c.id);
  }
  return [...cases].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
