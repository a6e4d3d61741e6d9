import type { RequestCommand } from '../../shared/requests/request-commands';
import type { Actor } from '../../shared/requests/request-record';
import type { Application } from '../../shared/requests/request-schema';
import type { HandlerContext } from '../_runtime/handler-context';
import { loadCalendar } from '../calendar/calendar-data';
import { applyCommand } from './apply-command';
import { createRequest } from './create-request';
import { viewFor } from './request-views';

/**
 * What writes a request: a new one, or a command through the request machine. Loaded when a request is
 * submitted or changed, not at the function's start, so the reads residents make most (their list, a
 * request's page) do not parse the machine.
 */

/** A new request, online by its applicant or entered by staff from paper, answered with its view for the one who made it. */
export async function submitRequest(
  ctx: HandlerContext,
  application: Application,
  idempotencyKey: string,
  how: Parameters<typeof createRequest>[3],
  viewer: Actor,
) {
  const created = await createRequest(ctx, application, idempotencyKey, how);
  return viewFor(ctx, created.record, viewer, created.calendar);
}

export async function change(ctx: HandlerContext, id: string, version: number, command: RequestCommand, complete?: Parameters<typeof applyCommand>[5]) {
  const calendar = await loadCalendar(ctx.store);
  const updated = await applyCommand(ctx, id, version, command, calendar, complete);
  return viewFor(ctx, updated, command.actor, calendar);
}
