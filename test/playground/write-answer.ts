import type { ServerResponse } from 'node:http';
import { pixelPng } from './pixel-png';
import { PIXEL_PNG, REQUEST_ORIGIN, type Answer, type HeaderLine } from './scenario-types';

/**
 * The header lines of `answer` for a request from `origin`: REQUEST_ORIGIN replaced by the
 * request's Origin, lines that need an Origin the request did not send left out.
 */
export function resolveHeaderLines(answer: Answer, origin: string | undefined): HeaderLine[] {
  const lines: HeaderLine[] = [];
  for (const [name, value] of answer.headers) {
    if (!value.includes(REQUEST_ORIGIN)) lines.push([name, value]);
    else if (origin !== undefined) lines.push([name, value.replaceAll(REQUEST_ORIGIN, origin)]);
  }
  return lines;
}

/** Statuses that carry no body (and so no Content-Length). */
const bodilessStatuses = new Set([204, 304]);

function bodyOf(answer: Answer, fallback: string): Buffer {
  if (bodilessStatuses.has(answer.status)) return Buffer.alloc(0);
  if (answer.body === PIXEL_PNG) return pixelPng;
  return Buffer.from(answer.body ?? fallback, 'utf8');
}

/**
 * Writes `answer` with its header lines verbatim and in order: a name that appears twice goes out
 * as two lines (Node's flat raw-header array), not as one joined value.
 */
export function writeAnswer(
  response: ServerResponse,
  answer: Answer,
  origin: string | undefined,
  fallbackBody: string,
): void {
  const lines = resolveHeaderLines(answer, origin);
  const body = bodyOf(answer, fallbackBody);
  const hasContentType = lines.some(([name]) => name.toLowerCase() === 'content-type');
  if (body.length > 0 && !hasContentType) lines.push(['Content-Type', 'text/plain; charset=utf-8']);
  if (!bodilessStatuses.has(answer.status)) lines.push(['Content-Length', String(body.length)]);
  response.writeHead(answer.status, lines.flat());
  response.end(body);
}
