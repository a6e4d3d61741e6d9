import type { Envelope } from '../shared/api/errors';

/**
 * The bytes of an answer as the local cloud sends it. An answer the store hands out frozen and shared
 * (remembered-answer.ts: the same notice list page, the same staff queue page, for everyone who asks
 * until the records change) can never differ from what was sent before, so its bytes are made once
 * and kept beside it: writing the JSON of a queue page cost more than finding the page. Every other
 * answer is written afresh.
 */
const bodies = new WeakMap<object, Buffer>();

export function envelopeBody(envelope: Envelope<unknown>): Buffer | string {
  const data = envelope.ok ? envelope.data : null;
  if (data === null || typeof data !== 'object' || !Object.isFrozen(data)) return JSON.stringify(envelope);
  let body = bodies.get(data);
  if (!body) {
    body = Buffer.from(JSON.stringify(envelope));
    bodies.set(data, body);
  }
  return body;
}
