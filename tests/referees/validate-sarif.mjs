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
import { EXIT_INVALID, EXIT_VALID, UsageError, readInput, runReferee } from "./referee-cli.mjs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);

async function loadValidator() {
  const packageFolder = dirname(require.resolve("@microsoft/sarif-multitool-linux/package.json"));
  const schema = JSON.parse(await readFile(join(packageFolder, "sarif-2.1.0.json"), "utf8"));
  // strict: false tolerates the schema's own annotations; formats are still validated.
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

async function main(paths) {
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

await runReferee("usage: node tests/referees/validate-sarif.mjs FILE... (- for stdin)", main);
