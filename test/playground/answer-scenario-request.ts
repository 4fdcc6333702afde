import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteTable } from './route-table';
import type { Answer } from './scenario-types';
import { describeRequest, splitTarget, type ServedRequest } from './served-request';
import { writeAnswer } from './write-answer';

/** An OPTIONS on a route that declares no preflight: loud, and without CORS headers. */
function unexpectedPreflight(scenario: string): Answer {
  return { status: 405, headers: [], body: `Scenario ${scenario} declares no preflight.\n` };
}

/** An unknown path. Allows any origin, so a page reading it sees the 404 rather than a CORS error. */
function notFound(path: string, table: RouteTable): Answer {
  const known = [...table.keys()].join('\n  ');
  return {
    status: 404,
    headers: [['Access-Control-Allow-Origin', '*']],
    body: `No playground scenario answers ${path}.\nKnown paths:\n  ${known}\n`,
  };
}

/** Answers one request from the scenario routes of a server and records it in `log`. */
export function answerScenarioRequest(
  server: ServedRequest['server'],
  table: RouteTable,
  log: ServedRequest[],
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const { path } = splitTarget(request.url);
  const entry = table.get(path);
  const origin = request.headers.origin;
  let answer: Answer;
  if (entry === undefined) answer = notFound(path, table);
  else if (request.method === 'OPTIONS') answer = entry.route.preflight ?? unexpectedPreflight(entry.scenario.name);
  else answer = entry.route.response;

  log.push(describeRequest(server, request, entry?.scenario.name, answer.status));
  writeAnswer(response, answer, origin, `${entry?.scenario.name ?? 'playground'}: ${answer.status}\n`);
}
