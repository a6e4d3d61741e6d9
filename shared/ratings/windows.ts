import { AppError } from '../api/errors';
import type { ServiceItem, WindowRecord, WindowSummary } from './ratings-types';

export interface WindowContent {
  name: string;
  departmentId: string;
  location: string;
  services: Array<{ id?: string; name: string }>;
  active: boolean;
}

/**
 * A window as saved: services keep their ids across edits (their figures
 * are counted by id), new services get one. An id the window never had is
 * refused rather than silently invented, so figures cannot be grafted on.
 */
export function windowPatch(
  content: WindowContent,
  departmentName: string,
  current: WindowRecord | null,
  actor: string,
  at: Date,
  newId: () => string,
): WindowRecord {
  const known = new Set((current?.services ?? []).map((s) => s.id));
  const services: ServiceItem[] = content.services.map((s, index) => {
    if (s.id && !known.has(s.id)) {
      throw new AppError('VALIDATION_FAILED', undefined, { [`window.services.${index}.id`]: '办理事项编号无效，请刷新后重试' });
    }
    return { id: s.id ?? `s${newId()}`, name: s.name };
  });
  return {
    name: content.name,
    departmentId: content.departmentId,
    departmentName,
    location: content.location,
    services,
    active: content.active,
    createdAt: current?.createdAt ?? at.toISOString(),
    updatedAt: at.toISOString(),
    updatedBy: actor,
  };
}

export function toWindowSummary(w: WindowRecord & { id: string }): WindowSummary {
  return { id: w.id, name: w.name, departmentId: w.departmentId, departmentName: w.departmentName, location: w.location, services: w.services, active: w.active };
}
