#!/usr/bin/env node
// SARIF referee: validates SARIF logs against the official SARIF 2.1.0 JSON schema, the copy that
// Microsoft ships in @microsoft/sarif-multitool-linux (sarif-2.1.0.json, JSON Schema draft 2020-12),
// with ajv's 2020-12 validator and ajv-formats (uri, uri-reference, date-time, uuid are checked).
//
//   node tests/referees/validate-sarif.mjs FILE...    (- reads stdin)
//
// Output: `FILE: valid`, or one line per schema violation `FILE: /json/pointer: message`.
// Exit 0 when every file is valid, 1 when any is invalid, 2 on a usage error or unreadable or
// non-JSON input, 3 when the referee itself fails.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const EXIT_VALID = 0;
const EXIT_INVALID = 1;
const EXIT_USAGE = 2;
const EXIT_INTERNAL = 3;

class UsageError extends Error {}

const require = createRequire(import.meta.url);

async function loadValidator() {
  const packageFolder = dirname(require.resolve("@microsoft/sarif-multitool-linux/package.json"));
  const schema = JSON.parse(await readFile(join(packageFolder, "sarif-2.1.0.json"), "utf8"));
  // strict: false tolerates the schema's own annotations; formats are still validated.
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

async function readInput(path) {
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

async function main(paths) {
  if (paths.length === 0 || paths.some((p) => p === "-h" || p === "--help")) {
    throw new UsageError("usage: node tests/referees/validate-sarif.mjs FILE... (- for stdin)");
  }
  const validate = await loadValidator();
  let invalid = 0;
  for (const path of paths) {
    let log;
    try {
      log = JSON.parse(await readInput(path));
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`${path}: not JSON: ${error.message}`);
    }
    if (validate(log)) {
      console.log(`${path}: valid`);
      continue;
    }
    invalid++;
    for (const e of validate.errors) {
      console.log(`${path}: ${e.instancePath || "/"}: ${e.message}${e.params ? " " + JSON.stringify(e.params) : ""}`);
    }
  }
  return invalid === 0 ? EXIT_VALID : EXIT_INVALID;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof UsageError ? error.message : `referee internal error: ${error.stack}`);
  process.exitCode = error instanceof UsageError ? EXIT_USAGE : EXIT_INTERNAL;
}
