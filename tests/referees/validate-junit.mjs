#!/usr/bin/env node
// JUnit referee: validates JUnit XML reports against the Jenkins xUnit plugin's JUnit schema
// (junit/junit-10.xsd, see junit/README.md) with libxml2's XSD validator, compiled to WebAssembly
// in the xmllint-wasm package.
//
//   node tests/referees/validate-junit.mjs FILE...    (- reads stdin)
//
// Output: `FILE: valid`, or one line per schema violation `FILE:LINE: message`.
// Exit 0 when every file is valid, 1 when any is invalid, 2 on a usage error or unreadable input,
// 3 when the referee itself fails.

import { readFile } from "node:fs/promises";
import { EXIT_INVALID, EXIT_VALID, readInput, runReferee } from "./referee-cli.mjs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";

const here = dirname(fileURLToPath(import.meta.url));

async function main(paths) {
  const schema = await readFile(join(here, "junit", "junit-10.xsd"), "utf8");
  let invalid = 0;
  for (const path of paths) {
    const contents = await readInput(path);
    const result = await validateXML({
      xml: [{ fileName: "report.xml", contents }],
      schema: [{ fileName: "junit-10.xsd", contents: schema }],
      // Reports of many objects are large; allow up to 1 GiB of wasm memory.
      maxMemoryPages: 16384,
    });
    if (result.valid) {
      console.log(`${path}: valid`);
      continue;
    }
    invalid++;
    for (const e of result.errors) {
      const line = e.loc?.lineNumber ?? 0;
      console.log(`${path}:${line}: ${e.message.trim()}`);
    }
  }
  return invalid === 0 ? EXIT_VALID : EXIT_INVALID;
}

await runReferee("usage: node tests/referees/validate-junit.mjs FILE... (- for stdin)", main);
