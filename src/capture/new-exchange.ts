import type { Exchange } from './exchange';
import type { HeaderList } from './header-list';
import { requestKey, type TrackedRequest } from './pairing-state';

/** A fresh, pending exchange for a tracked request, before anything came back. */
export function newExchange(request: TrackedRequest, mode: Exchange['mode'], requestHeaders: HeaderList | null): Exchange {
  return {
    id: requestKey(request.tabId, request.requestId),
    tabId: request.tabId,
    frameId: request.frameId,
    initiator: request.initiator,
    type: request.type,
    mode,
    method: request.method,
    url: request.url,
    requestHeaders,
    startTime: request.startTime,
    endTime: null,
    redirects: [],
    preflights: [],
    preflightCache: null,
    response: null,
    error: null,
    state: 'pending',
    diagnosis: null,
  };
}
