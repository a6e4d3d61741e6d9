import {
  DELIVERY_METHODS,
  DELIVERY_METHOD_LABELS,
  ID_TYPES,
  ID_TYPE_LABELS,
  INFORMATION_FORMS,
  INFORMATION_FORM_LABELS,
  ORG_KINDS,
  ORG_KIND_LABELS,
} from '../../../shared/requests/request-schema';

/** The domain's wire values with their Chinese names, in the shape the choice buttons take. */
export function optionsOf<T extends string>(values: readonly T[], labels: Record<T, string>): ReadonlyArray<{ value: T; label: string }> {
  return values.map((value) => ({ value, label: labels[value] }));
}

export const ORG_KIND_OPTIONS = optionsOf(ORG_KINDS, ORG_KIND_LABELS);
export const ID_TYPE_OPTIONS = optionsOf(ID_TYPES, ID_TYPE_LABELS);
export const FORM_OPTIONS = optionsOf(INFORMATION_FORMS, INFORMATION_FORM_LABELS);
export const DELIVERY_OPTIONS = optionsOf(DELIVERY_METHODS, DELIVERY_METHOD_LABELS);
