// The state as a plain object's fields, the form `chronomap:set` messages and story steps share:
// strings as in the URL (`from`, `to`, `station`, `country`, `event`, `lang`, `step`), `types` as an
// array or a comma list, `camera` as {lon, lat, zoom} or the URL's "zoom/lat/lon".
import { patchFromParams } from './url.ts';
import type { StatePatch } from './state.ts';
import { cameraFromField } from '../map/camera.ts';

const STRING_KEYS = ['from', 'to', 'station', 'country', 'event', 'types', 'lang', 'step'] as const;

/**
 * The patch the fields ask for. Invalid fields are dropped here or by the state's own
 * validation, never thrown. An explicit null selection field clears the selection; a null camera
 * goes back to framing the selection.
 */
export function patchFromFields(fields: Readonly<Record<string, unknown>>): StatePatch {
  const get = (key: string): string | null => {
    if (!(STRING_KEYS as readonly string[]).includes(key) || !Object.hasOwn(fields, key)) return null;
    const v = fields[key];
    if (key === 'types' && Array.isArray(v)) return v.filter((t): t is string => typeof t === 'string').join(',');
    return typeof v === 'string' && v.length <= 200 ? v : null;
  };
  const patch: { -readonly [K in keyof StatePatch]: StatePatch[K] } = { ...patchFromParams(get) };
  if ((['station', 'country', 'event'] as const).some((k) => Object.hasOwn(fields, k) && fields[k] === null) && patch.selection === undefined) {
    patch.selection = null;
  }
  if (Object.hasOwn(fields, 'step') && fields.step === null) patch.step = null;
  if (Object.hasOwn(fields, 'camera')) {
    const c = fields.camera;
    const camera = c === null ? null : cameraFromField(c);
    if (camera !== null || c === null) patch.camera = camera;
  }
  return patch;
}
