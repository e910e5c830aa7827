// Command-line options of the bench scripts: `--name value` pairs and bare `--flags`.

/** The script's arguments. */
export const argv = process.argv.slice(2);

/**
 * The value after `--name`, or the default.
 *
 * @param {string} name Option name without dashes.
 * @param {string | undefined} dflt Default value.
 * @returns {string | undefined}
 */
export function opt(name, dflt) {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
}
