// What the file-validating referees (validate-sarif.mjs, validate-junit.mjs) share: their exit codes, reading a FILE
// argument or stdin (-), and ending with one line and a code instead of a stack trace.

import { readFile } from "node:fs/promises";

export const EXIT_VALID = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;

/** A bad command line or unreadable input: reported as one line, exit 2. */
export class UsageError extends Error {}

/** The text of PATH, or of stdin for `-`. */
export async function readInput(path) {
  try {
    if (path === "-") {
      const chunks = [];
      for await (const chunk of process.stdin) chunks.push(chunk);
      return Buffer.concat(chunks).toString("utf8");
    }
    return await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`${path}: cannot read: ${error.code ?? error.message}`);
  }
}

/** Runs main(paths) with the command line's paths (or shows usage) and sets the exit code from what it returns or throws. */
export async function runReferee(usage, main) {
  try {
    const paths = process.argv.slice(2);
    if (paths.length === 0 || paths.some((p) => p === "-h" || p === "--help")) {
      throw new UsageError(usage);
    }
    process.exitCode = await main(paths);
  } catch (error) {
    console.error(error instanceof UsageError ? error.message : `referee internal error: ${error.stack}`);
    process.exitCode = error instanceof UsageError ? EXIT_USAGE : EXIT_INTERNAL;
  }
}
