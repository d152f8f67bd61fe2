#!/usr/bin/env node
// Kubernetes OpenAPI schema referee: judges YAML that SecureManifests emits against the
// published Kubernetes schemas, independently of our own C# model and serializer.
//
//   node tests/referees/validate.mjs PATH...
//
// PATH is a file or a folder (searched recursively for *.yaml / *.yml; kustomization.yaml and
// kustomization.yml are skipped, they are kustomize input, not Kubernetes objects).
// Output: one line per problem, `FILE: document N (Kind ns/name): message`, then
// `validated N documents, M invalid`. Exit 0 when every document is valid, 1 when any is
// invalid, 2 on a usage error, unreadable input or when no document was found at all
// (so a wrong path can never pass vacuously), 3 when the referee itself fails.
//
// What the referee checks. kubernetes-models 5.1.0 ships one ajv-compiled validator per
// OpenAPI definition (Kubernetes 1.34 schemas). Those validators use only the JSON-schema
// keywords `type`, `required`, `enum`, `format` and `oneOf`, so they catch:
//   - wrong types at any depth (containerPort: "abc", a string where a list belongs, a
//     non-string label value, replicas: "3");
//   - missing required fields (Deployment spec without selector/template, pod spec without
//     containers, container without name, NetworkPolicy peer port...);
//   - values outside the enums the schema declares (imagePullPolicy, protocol, restartPolicy,
//     Service type, policyTypes, seccompProfile.type...);
//   - formats: int32/int64 range, byte (base64 in Secret data), date-time, quantity
//     (resources.limits.cpu: "lots" fails), int-or-string (oneOf).
// What it does NOT check (the API server would):
//   - unknown fields: the schemas carry no `additionalProperties: false`, so a misspelt
//     field (`contianers`) passes silently; our own serializer tests must cover field names;
//   - name, label and annotation syntax (DNS-1123 names, label value length), since the
//     schemas have no `pattern`/`maxLength`; metadata and metadata.name are not even required;
//   - cross-field rules (selector matches template labels, unique container/port names),
//     CEL rules and defaults; it also knows no CRDs.
// Custom resources: the kinds of the CRD model packages in CRD_PACKAGES (cert-manager, Gateway
// API, Prometheus Operator, Argo Rollouts) are judged by their package's validator, generated from
// the CRDs' openAPIV3Schema by the same kubernetes-models tooling; those validators also check
// `pattern`, `minimum`/`maximum`, `maxItems` and `maxLength` (not the CRDs' CEL rules). A group
// belongs to the package whose package.json exports it (`./GROUP`); kinds of any other group stay
// unknown.
// This referee adds: a document must be a mapping with string apiVersion and kind, and the
// apiVersion/kind must name a top-level resource of kubernetes-models or of a CRD package,
// otherwise it is reported as unknown rather than passed. YAML is read with YAML 1.1 rules, as the Kubernetes decoder
// (sigs.k8s.io/yaml on go-yaml v2) reads it, so an unquoted `yes` or `0755` is judged as
// the bool or number the cluster would see; duplicate keys are an error.

import { readdir, readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments } from "yaml";

const EXIT_VALID = 0;
const EXIT_INVALID = 1;
const EXIT_USAGE = 2;
const EXIT_INTERNAL = 3;

class UsageError extends Error {}

const isYamlFile = (name) =>
  /\.ya?ml$/i.test(name) && !/^kustomization\.ya?ml$/i.test(name);

// Byte-order comparison: deterministic regardless of locale.
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

async function collectFiles(path, out) {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new UsageError(`${path}: cannot read: ${error.code ?? error.message}`);
  }
  if (info.isDirectory()) {
    const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => byName(a.name, b.name));
    for (const entry of entries) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) await collectFiles(child, out);
      else if (isYamlFile(entry.name)) out.push(child);
    }
  } else if (isYamlFile(path.split(/[\\/]/).pop())) {
    out.push(path);
  }
}

// The CRD model packages; each lays its classes out as kubernetes-models does (PACKAGE/GROUP/VERSION/KIND).
const CRD_PACKAGES = [
  "@kubernetes-models/argo-rollouts",
  "@kubernetes-models/cert-manager",
  "@kubernetes-models/gateway-api",
  "@kubernetes-models/prometheus-operator",
];

// API group -> the CRD package that models it, from each package's exports ("./cert-manager.io").
const crdPackageOfGroup = (() => {
  const require = createRequire(import.meta.url);
  const byGroup = new Map();
  for (const name of CRD_PACKAGES) {
    for (const key of Object.keys(require(`${name}/package.json`).exports)) {
      const group = /^\.\/([a-z0-9][a-z0-9.-]*\.[a-z0-9.-]*[a-z0-9])$/.exec(key)?.[1];
      if (group && group !== "package.json" && !byGroup.has(group)) byGroup.set(group, name);
    }
  }
  return byGroup;
})();

// Resolves a document's apiVersion/kind to its model class, or explains why not.
const modelCache = new Map();
async function findModel(apiVersion, kind) {
  const key = `${apiVersion} ${kind}`;
  if (!modelCache.has(key)) modelCache.set(key, await importModel(apiVersion, kind));
  return modelCache.get(key);
}

async function importModel(apiVersion, kind) {
  const unknown = { error: `unknown apiVersion/kind ${apiVersion} ${kind}: not a resource known to kubernetes-models or its CRD packages` };
  // Guard the dynamic import: only well-formed group/version/kind names become module paths.
  const match = /^(?:([a-z0-9]([a-z0-9.-]*[a-z0-9])?)\/)?(v[0-9]+(?:(?:alpha|beta)[0-9]+)?)$/.exec(apiVersion);
  if (!match || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return unknown;
  const [, group, , version] = match;
  const crdPackage = group ? crdPackageOfGroup.get(group) : undefined;
  const specifier = crdPackage
    ? `${crdPackage}/${group}/${version}/${kind}`
    : `kubernetes-models/${group ? `${group}/` : ""}${version}/${kind}`;
  let module;
  try {
    module = await import(specifier);
  } catch (error) {
    if (["ERR_MODULE_NOT_FOUND", "ERR_PACKAGE_PATH_NOT_EXPORTED"].includes(error.code)) return unknown;
    throw error;
  }
  const model = module[kind];
  // Nested definitions (v1/Container, v1/PodSpec) are classes too, but not resources.
  if (typeof model !== "function" || model.apiVersion !== apiVersion || model.kind !== kind) return unknown;
  return { model };
}

function describe(document, index) {
  const kind = typeof document?.kind === "string" ? document.kind : "?";
  const metadata = document?.metadata ?? {};
  const name = typeof metadata.name === "string" ? metadata.name : "<unnamed>";
  const ns = typeof metadata.namespace === "string" ? `${metadata.namespace}/` : "";
  return `document ${index} (${kind} ${ns}${name})`;
}

// `/spec/template/0` -> ["spec", "template", 0], unescaping JSON pointer tokens.
const pointerToPath = (pointer) =>
  pointer
    .split("/")
    .slice(1)
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((token) => (/^[0-9]+$/.test(token) ? Number(token) : token));

// The line of the key (or list item) that holds the value at `pointer`: for a missing
// required property that is the line of the object that lacks it.
function lineOf(yamlDocument, lineCounter, pointer) {
  const path = pointerToPath(pointer);
  for (let length = path.length; length >= 0; length--) {
    const node = locate(yamlDocument, path.slice(0, length));
    if (node?.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

function locate(yamlDocument, path) {
  if (path.length === 0) return yamlDocument.contents;
  const parent = yamlDocument.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (isMap(parent)) {
    return parent.items.find((pair) => (isScalar(pair.key) ? pair.key.value : pair.key) === last)?.key;
  }
  if (isSeq(parent)) return parent.items[last];
  return undefined;
}

function schemaProblems(error, yamlDocument, lineCounter) {
  if (!Array.isArray(error.errors)) return [error.message];
  const position = (pointer) => {
    const line = lineOf(yamlDocument, lineCounter, pointer);
    return line ? ` (line ${line})` : "";
  };
  const detail = (e) =>
    e.message + (e.params?.allowedValues ? ` (${e.params.allowedValues.map((v) => JSON.stringify(v)).join(", ")})` : "");
  // A failed `oneOf` (int-or-string, quantity) also reports each failed branch at the same
  // path: fold them into one line so one bad value is one problem.
  const oneOfPaths = new Set(error.errors.filter((e) => e.keyword === "oneOf").map((e) => e.instancePath));
  const problems = [];
  for (const e of error.errors) {
    const where = e.instancePath || "/";
    if (!oneOfPaths.has(e.instancePath)) {
      problems.push(`${where}: ${detail(e)}${position(e.instancePath)}`);
    } else if (e.keyword === "oneOf") {
      const branches = error.errors.filter((b) => b.instancePath === e.instancePath && b.keyword !== "oneOf").map(detail);
      problems.push(`${where}: must satisfy one of: ${[...new Set(branches)].join("; ")}${position(e.instancePath)}`);
    }
  }
  return [...new Set(problems)];
}

const isEmpty = (yamlDocument) =>
  yamlDocument.errors.length === 0 &&
  (yamlDocument.contents === null || (isScalar(yamlDocument.contents) && yamlDocument.contents.value === null));

async function judge(yamlDocument, lineCounter) {
  if (yamlDocument.errors.length > 0) {
    return yamlDocument.errors.map((e) => `YAML error: ${e.message.split("\n")[0].replace(/:$/, "")}`);
  }
  const data = yamlDocument.toJS({ maxAliasCount: 100 });
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return ["not a Kubernetes object: the document is not a mapping"];
  }
  if (typeof data.apiVersion !== "string" || typeof data.kind !== "string") {
    return ["not a Kubernetes object: apiVersion and kind must be strings"];
  }
  const found = await findModel(data.apiVersion, data.kind);
  if (found.error) return [found.error];
  try {
    new found.model(data).validate();
    return [];
  } catch (error) {
    return schemaProblems(error, yamlDocument, lineCounter);
  }
}

async function main(paths) {
  if (paths.length === 0 || paths.some((p) => p === "-h" || p === "--help")) {
    throw new UsageError("usage: node tests/referees/validate.mjs PATH... (YAML files or folders)");
  }
  const files = [];
  for (const path of paths) await collectFiles(path, files);

  let documents = 0;
  let invalid = 0;
  for (const file of files) {
    let text;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      throw new UsageError(`${file}: cannot read: ${error.code ?? error.message}`);
    }
    const lineCounter = new LineCounter();
    const parsed = parseAllDocuments(text, { version: "1.1", uniqueKeys: true, lineCounter });
    const yamlDocuments = Array.isArray(parsed) ? parsed : [parsed];
    let index = 0;
    for (const yamlDocument of yamlDocuments) {
      index++;
      // An empty document (a stray `---`) holds no object to judge.
      if (isEmpty(yamlDocument)) continue;
      documents++;
      const problems = await judge(yamlDocument, lineCounter);
      if (problems.length === 0) continue;
      invalid++;
      const label = describe(yamlDocument.errors.length ? null : yamlDocument.toJS(), index);
      for (const problem of problems) console.log(`${file}: ${label}: ${problem}`);
    }
  }
  if (documents === 0) {
    throw new UsageError(`no Kubernetes documents found in ${paths.join(", ")}`);
  }
  console.log(`validated ${documents} documents, ${invalid} invalid`);
  return invalid === 0 ? EXIT_VALID : EXIT_INVALID;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A crash of the referee itself must never read as a verdict on the input.
  console.error(error instanceof UsageError ? error.message : `referee internal error: ${error.stack}`);
  process.exitCode = error instanceof UsageError ? EXIT_USAGE : EXIT_INTERNAL;
}
