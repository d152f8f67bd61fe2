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
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";

const EXIT_VALID = 0;
const EXIT_INVALID = 1;
const EXIT_USAGE = 2;
const EXIT_INTERNAL = 3;

class UsageError extends Error {}

const here = dirname(fileURLToPath(import.meta.url));

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
    throw new UsageError("usage: node tests/referees/validate-junit.mjs FILE... (- for stdin)");
  }
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

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof UsageError ? error.message : `referee internal error: ${error.stack}`);
  process.exitCode = error instanceof UsageError ? EXIT_USAGE : EXIT_INTERNAL;
}
