// Its own module so that the public type declarations reach no pdfmake (devDependency) types.

/**
 * A font file registered for a role: a TTF/OTF path, or a TTC path with the face's PostScript
 * name. `bold` is the file used where the preset asks for a bold face of that role.
 */
export interface FontFileSpec {
  /** Path of the regular face (TTF, OTF or TTC). */
  readonly path: string;
  /** PostScript name of the face inside a TTC collection. */
  readonly postscriptName?: string;
  /** The bold face of the same family, if any (otherwise the regular file serves bold text of this role too). */
  readonly bold?: { readonly path: string; readonly postscriptName?: string };
}
