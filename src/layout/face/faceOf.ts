import type { FaceKey } from '../../text/measure/measure.ts';

/**
 * The face a preset style prints in: its role, bold when the style says so (`body`, `body-bold`).
 *
 * @param style A preset style: a font role and a bold flag.
 * @returns The face key.
 */
export function faceOf(style: { readonly role: string; readonly bold?: boolean }): FaceKey {
  return (style.bold === true ? `${style.role}-bold` : style.role) as FaceKey;
}
