#!/usr/bin/env node
// Admission-policy referee: decides whether a ValidatingAdmissionPolicy
// (admissionregistration.k8s.io/v1) admits an object on CREATE, the way the API server does,
// with one of two independent CEL engines:
//
//   bufbuild  @bufbuild/cel 0.6.1 with its strings extension (@bufbuild/cel/ext)
//   cel-js    @marcbachmann/cel-js 8.0.0
//
//   node tests/referees/evaluate-policy.mjs [FILE]      (JSON on stdin without FILE)
//
// Input: one case `{ policy, bindings?, object, namespaceObject?, userInfo?, engine }` or an array
// of them (one node process for many cases keeps the tests fast). `policy` is the policy as an
// object or as YAML / JSON text, `bindings` (optional) a list of ValidatingAdmissionPolicyBindings
// alike; `object` and `namespaceObject` are Kubernetes objects as JSON, as the API server sees them
// after defaulting (a Namespace carries its kubernetes.io/metadata.name label); `userInfo` is who
// sends the request ({ username, groups }), a plain authenticated user when absent.
// Output: one verdict per case (an array for an array), as JSON on stdout:
//   { admitted: bool, matched: bool, failures: [{ message, expression, error? }],
//     warnings: [string], auditRecords: [string] }
// `matched` is false when the policy does not apply: matchConstraints or matchConditions leave
// the object out, or, with bindings, no binding names the policy and selects the request (then it
// is admitted). `error` is set when an expression could not be evaluated (a runtime error or a
// non-bool result); its text is the engine's own, so callers compare `message` and `expression`
// only. Exit 0 with verdicts, 2 on a usage error (bad JSON, unknown engine or kind), 3 when the
// referee itself fails.
//
// The decision, as the API server makes it for a CREATE:
//   1. spec.matchConstraints.resourceRules: apiGroups, apiVersions, resources (from the kind,
//      through the table below) and operations must each list the value or "*"; then
//      excludeResourceRules; objectSelector (object labels) and namespaceSelector (labels of
//      `namespaceObject`, of the object itself for a Namespace; cluster-scoped objects always
//      match).
//   2. spec.matchConditions: all must be true, else the policy does not apply (admitted).
//   3. spec.variables, bound in order as `variables.<name>`; each may use the earlier ones. As in
//      the API server a variable is only an error for the expressions that use it.
//   4. spec.validations: each `expression` must be true; a false one fails with its
//      `messageExpression` (when it evaluates to a string), else `message`, else
//      "failed expression: EXPR".
// An expression that errors makes the request fail, unless spec.failurePolicy is Ignore.
//   5. Without `bindings` the policy is judged alone: any failure denies. With `bindings`, only
//      those whose spec.policyName is the policy's name and whose spec.matchResources select the
//      request (resourceRules when set, excludeResourceRules, objectSelector, namespaceSelector, as
//      in step 1) apply, and each one's validationActions decide what the failures do: Deny
//      rejects; Warn admits with the warning "Validation failed for ValidatingAdmissionPolicy 'P'
//      with binding 'B': MESSAGE" (the API server's wording); Audit admits with the record
//      "P B: MESSAGE". No binding applies: not matched.
// Bound names: object, oldObject (null), request ({ operation: "CREATE", kind, resource,
// namespace, name, userInfo, ... }), namespaceObject (null unless given), variables.
// The namespace, as the API server sets it before admission: a cluster-scoped object has none (a
// stray metadata.namespace is cleared) and request.namespace is ""; a namespaced object without one
// goes where kubectl sends it, the context's namespace, here `default`.
//
// CEL coverage per engine (checked by hand for the subset the generated policies use):
//   - both: the standard macros all, exists, exists_one, map (also the 3-argument form), filter;
//     has(); in; size(); startsWith, endsWith, contains, matches (RE2 syntax through JS RegExp
//     in cel-js), split, join, lowerAscii, upperAscii, trim, indexOf, lastIndexOf, substring.
//   - cel-js lacks `replace` and `charAt` of the strings extension: registered below.
//   - @bufbuild/cel's `split(sep, n)` stops after n parts and drops the rest ("a:b:c".split(":", 2) is
//     ["a", "b"], cel-go gives ["a", "b:c"]): replaced below by Go's SplitN.
//   - cel-js lowerAscii/upperAscii also change non-ASCII letters ("É".lowerAscii() is "é"; cel-go
//     and bufbuild keep "É"); its built-ins cannot be overridden, so keep policies to ASCII here.
//   - cel-js rejects heterogeneous numeric equality (`1 == 1.0` is an error, true in cel-go):
//     policies must compare ints with ints.
//   No optional syntax (.?, orValue) is enabled in either engine.
//
// Values: JSON objects become CEL maps, arrays lists, integral numbers int (as the API server
// reads int64 fields), other numbers double.

import { readFile } from "node:fs/promises";
import { CelScalar, celEnv, celMethod, isCelError, listType, parse as bufParse, plan as bufPlan } from "@bufbuild/cel";
import { strings as bufStrings } from "@bufbuild/cel/ext";
import { Environment } from "@marcbachmann/cel-js";
import { parse as parseYaml } from "yaml";

const EXIT_OK = 0;
const EXIT_USAGE = 2;
const EXIT_INTERNAL = 3;

class UsageError extends Error {}

const DEFAULT_USER = { username: "developer", groups: ["system:authenticated"] };
const DEFAULT_NAMESPACE = "default";

// kind -> [group, resource, namespaced] for the built-in kinds the policies cover.
const RESOURCES = {
  Pod: ["", "pods", true],
  PodTemplate: ["", "podtemplates", true],
  ReplicationController: ["", "replicationcontrollers", true],
  Service: ["", "services", true],
  ServiceAccount: ["", "serviceaccounts", true],
  ConfigMap: ["", "configmaps", true],
  Secret: ["", "secrets", true],
  PersistentVolumeClaim: ["", "persistentvolumeclaims", true],
  PersistentVolume: ["", "persistentvolumes", false],
  StorageClass: ["storage.k8s.io", "storageclasses", false],
  Namespace: ["", "namespaces", false],
  Event: ["", "events", true],
  Lease: ["coordination.k8s.io", "leases", true],
  Deployment: ["apps", "deployments", true],
  StatefulSet: ["apps", "statefulsets", true],
  DaemonSet: ["apps", "daemonsets", true],
  ReplicaSet: ["apps", "replicasets", true],
  Job: ["batch", "jobs", true],
  CronJob: ["batch", "cronjobs", true],
  Ingress: ["networking.k8s.io", "ingresses", true],
  NetworkPolicy: ["networking.k8s.io", "networkpolicies", true],
  Role: ["rbac.authorization.k8s.io", "roles", true],
  RoleBinding: ["rbac.authorization.k8s.io", "rolebindings", true],
  ClusterRole: ["rbac.authorization.k8s.io", "clusterroles", false],
  ClusterRoleBinding: ["rbac.authorization.k8s.io", "clusterrolebindings", false],
};

// ---- engines: each compiles an expression into (bindings) => { value } | { error } ----

// JSON -> CEL input. bufbuild wants Map for maps and bigint for ints; cel-js takes the same.
const toCel = (value) => {
  if (Array.isArray(value)) return value.map(toCel);
  if (value === null || value === undefined) return null;
  if (typeof value === "object") return new Map(Object.entries(value).map(([k, v]) => [k, toCel(v)]));
  if (typeof value === "number" && Number.isInteger(value)) return BigInt(value);
  return value;
};

// Go's strings.SplitN, which cel-go's `split(sep, n)` is: n < 0 all parts, n == 0 none, else at most n
// parts, the last holding the rest; an empty separator splits into code points.
function splitN(s, separator, n) {
  if (n === 0) return [];
  const parts = separator === "" ? [...s] : s.split(separator);
  if (n < 0 || parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(separator)];
}

function bufbuildEngine() {
  // The strings extension is not part of the standard environment: add it, as Kubernetes does.
  // Override: @bufbuild/cel 0.6.1 `"a:b:c".split(":", 2)` gives ["a", "b"] (cel-go: ["a", "b:c"]); a function
  // registered later wins, so this one replaces it.
  const splitWithLimit = celMethod("split", CelScalar.STRING, [CelScalar.STRING, CelScalar.INT], listType(CelScalar.STRING), function (separator, n) {
    return splitN(this, separator, Number(n));
  });
  const env = celEnv({ funcs: [...bufStrings, splitWithLimit] });
  return (expression) => {
    const program = bufPlan(env, bufParse(expression));
    return (bindings) => {
      try {
        const result = program(bindings);
        return isCelError(result) ? { error: result.message } : { value: result };
      } catch (error) {
        return { error: error.message.split("\n")[0] };
      }
    };
  };
}

function celJsEngine() {
  const env = new Environment({ unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false });
  // Polyfills: strings-extension functions cel-js 8.0.0 does not have.
  env.registerFunction("string.replace(string, string): string", (s, from, to) => s.split(from).join(to));
  env.registerFunction("string.replace(string, string, int): string", (s, from, to, n) => {
    if (n < 0n) return s.split(from).join(to);
    const parts = s.split(from);
    const limit = Number(n);
    return parts.length <= limit + 1 ? parts.join(to) : parts.slice(0, limit + 1).join(to) + from + parts.slice(limit + 1).join(from);
  });
  env.registerFunction("string.charAt(int): string", (s, i) => {
    const chars = [...s];
    if (i < 0n || i > BigInt(chars.length)) throw new Error(`charAt: index ${i} out of range`);
    return chars[Number(i)] ?? "";
  });
  return (expression) => {
    const program = env.parse(expression);
    return (bindings) => {
      try {
        return { value: program(bindings) };
      } catch (error) {
        return { error: error.message.split("\n")[0] };
      }
    };
  };
}

const ENGINES = { bufbuild: bufbuildEngine, "cel-js": celJsEngine };
const engineCache = new Map();
function engine(name) {
  if (!ENGINES[name]) throw new UsageError(`unknown engine ${JSON.stringify(name)}: use one of ${Object.keys(ENGINES).join(", ")}`);
  if (!engineCache.has(name)) engineCache.set(name, ENGINES[name]());
  return engineCache.get(name);
}

// ---- matching ----

const listed = (values, value) => Array.isArray(values) && (values.includes("*") || values.includes(value));

function ruleMatches(rule, group, version, resource) {
  const resources = rule.resources ?? [];
  return (
    listed(rule.apiGroups, group) &&
    listed(rule.apiVersions, version) &&
    (resources.includes("*") || resources.includes("*/*") || resources.includes(resource)) &&
    listed(rule.operations, "CREATE") &&
    (!rule.resourceNames?.length || rule.resourceNames.includes(rule.__name))
  );
}

function selectorMatches(selector, labels) {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value) return false;
  }
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, key);
    const ok =
      operator === "In" ? has && values.includes(labels[key]) :
      operator === "NotIn" ? !has || !values.includes(labels[key]) :
      operator === "Exists" ? has :
      operator === "DoesNotExist" ? !has :
      (() => { throw new UsageError(`label selector operator ${operator} is not In, NotIn, Exists or DoesNotExist`); })();
    if (!ok) return false;
  }
  return true;
}

function resourceOf(object) {
  const kind = object?.kind;
  const entry = RESOURCES[kind];
  if (!entry) throw new UsageError(`kind ${JSON.stringify(kind)} is not in the referee's kind -> resource table`);
  const apiVersion = String(object.apiVersion ?? "");
  const version = apiVersion.includes("/") ? apiVersion.split("/")[1] : apiVersion;
  return { group: entry[0], version, resource: entry[1], namespaced: entry[2] };
}

// A policy's matchConstraints must list the resource (rulesRequired); a binding's matchResources
// constrain nothing with unset resourceRules (they are intersected with the policy's).
function constraintsMatch(constraints, object, namespaceObject, rulesRequired = true) {
  const { group, version, resource, namespaced } = resourceOf(object);
  const name = object.metadata?.name;
  const inRules = (rules) => (rules ?? []).some((rule) => ruleMatches({ ...rule, __name: name }, group, version, resource));
  if ((rulesRequired || constraints?.resourceRules?.length) && !inRules(constraints?.resourceRules)) return false;
  if (inRules(constraints?.excludeResourceRules)) return false;
  if (!selectorMatches(constraints?.objectSelector, object.metadata?.labels ?? {})) return false;
  const namespaceSelector = constraints?.namespaceSelector;
  const selects = namespaceSelector && (namespaceSelector.matchLabels || namespaceSelector.matchExpressions?.length);
  if (!selects) return true;
  if (object.kind === "Namespace") return selectorMatches(namespaceSelector, object.metadata?.labels ?? {});
  if (!namespaced) return true;
  if (!namespaceObject) throw new UsageError("the policy has a namespaceSelector: give the case a namespaceObject");
  return selectorMatches(namespaceSelector, namespaceObject.metadata?.labels ?? {});
}

// ---- the decision ----

// The object with its namespace as the API server sets it before admission (see the header).
function placed(object) {
  const { namespaced } = resourceOf(object);
  const namespace = namespaced ? object.metadata?.namespace || DEFAULT_NAMESPACE : undefined;
  if ((object.metadata?.namespace || undefined) === namespace) return object;
  const { namespace: _, ...metadata } = object.metadata ?? {};
  return { ...object, metadata: namespace === undefined ? metadata : { ...metadata, namespace } };
}

const NOT_MATCHED = () => ({ admitted: true, matched: false, failures: [], warnings: [], auditRecords: [] });

// The bindings' validationActions applied to the policy's failures.
function enact(policyName, bound, failures) {
  let denied = false;
  const warnings = [];
  const auditRecords = [];
  for (const binding of bound) {
    const bindingName = binding.metadata?.name ?? "";
    const actions = binding.spec?.validationActions ?? [];
    if (actions.length === 0 || (actions.includes("Deny") && actions.includes("Warn"))) {
      throw new UsageError(`binding ${bindingName}: validationActions must be one or more of Deny, Warn, Audit, not Deny with Warn`);
    }
    for (const action of actions) {
      if (action === "Deny") denied ||= failures.length > 0;
      else if (action === "Warn") {
        for (const f of failures) warnings.push(`Validation failed for ValidatingAdmissionPolicy '${policyName}' with binding '${bindingName}': ${f.message}`);
      } else if (action === "Audit") {
        for (const f of failures) auditRecords.push(`${policyName} ${bindingName}: ${f.message}`);
      } else throw new UsageError(`binding ${bindingName}: validation action ${action} is not Deny, Warn or Audit`);
    }
  }
  return { admitted: !denied, matched: true, failures, warnings, auditRecords };
}

function decide(testCase) {
  if (testCase === null || typeof testCase !== "object") throw new UsageError("a case must be an object { policy, bindings?, object, namespaceObject?, engine }");
  const compile = engine(testCase.engine);
  const policy = typeof testCase.policy === "string" ? parseYaml(testCase.policy) : testCase.policy;
  if (policy?.kind !== "ValidatingAdmissionPolicy") throw new UsageError("policy is not a ValidatingAdmissionPolicy");
  if (testCase.object === null || typeof testCase.object !== "object") throw new UsageError("object must be a Kubernetes object");
  const object = placed(testCase.object);
  const bindings = testCase.bindings == null ? null : testCase.bindings.map((b) => (typeof b === "string" ? parseYaml(b) : b));
  if (bindings?.some((b) => b?.kind !== "ValidatingAdmissionPolicyBinding")) throw new UsageError("bindings must be ValidatingAdmissionPolicyBindings");
  const spec = policy.spec ?? {};
  const namespaceObject = testCase.namespaceObject ?? null;
  if (!constraintsMatch(spec.matchConstraints, object, namespaceObject)) return NOT_MATCHED();
  const bound = bindings?.filter(
    (b) => b.spec?.policyName === policy.metadata?.name && constraintsMatch(b.spec?.matchResources, object, namespaceObject, false),
  );
  if (bound && bound.length === 0) return NOT_MATCHED();
  const verdict = validate(spec, object, namespaceObject, testCase.userInfo ?? DEFAULT_USER, compile);
  if (!verdict.matched || !bound) return verdict;
  return enact(policy.metadata?.name ?? "", bound, verdict.failures);
}

// matchConditions, variables and validations, for a policy that matched the request.
function validate(spec, object, namespaceObject, userInfo, compile) {
  const ignoreErrors = spec.failurePolicy === "Ignore";
  const { group, version, resource, namespaced } = resourceOf(object);
  const variables = new Map();
  const bindings = {
    object: toCel(object),
    oldObject: null,
    namespaceObject: toCel(namespaceObject),
    request: toCel({
      operation: "CREATE",
      kind: { group, version, kind: object.kind },
      resource: { group, version, resource },
      name: object.metadata?.name ?? "",
      namespace: namespaced ? object.metadata.namespace : "",
      userInfo,
      dryRun: false,
    }),
    variables,
  };
  const brokenVariables = new Map();
  const evaluate = (expression) => {
    for (const [name, error] of brokenVariables) {
      if (new RegExp(`\\bvariables\\s*\\.\\s*${name}\\b`).test(expression)) return { error: `variables.${name}: ${error}` };
    }
    let program;
    try {
      program = compile(expression);
    } catch (error) {
      return { error: `compile: ${error.message.split("\n")[0]}` };
    }
    return program(bindings);
  };
  const failures = [];
  const fail = (expression, error) => {
    if (!ignoreErrors) failures.push({ message: "expression could not be evaluated", expression, error });
  };

  // As in the API server: one false condition leaves the object out, even when another errors.
  const conditions = (spec.matchConditions ?? []).map((condition) => ({ condition, result: evaluate(condition.expression) }));
  if (conditions.some(({ result }) => result.value === false)) return NOT_MATCHED();
  const broken = conditions.filter(({ result }) => result.error || typeof result.value !== "boolean");
  if (broken.length > 0) {
    for (const { condition, result } of broken) fail(condition.expression, result.error ?? "matchCondition is not a bool");
    return { admitted: failures.length === 0, matched: true, failures, warnings: [], auditRecords: [] };
  }

  for (const variable of spec.variables ?? []) {
    const result = evaluate(variable.expression);
    if (result.error) brokenVariables.set(variable.name, result.error);
    else variables.set(variable.name, result.value);
  }

  for (const validation of spec.validations ?? []) {
    const result = evaluate(validation.expression);
    if (result.error || typeof result.value !== "boolean") {
      fail(validation.expression, result.error ?? "validation is not a bool");
    } else if (!result.value) {
      let message = validation.message ?? `failed expression: ${validation.expression}`;
      if (validation.messageExpression) {
        const custom = evaluate(validation.messageExpression);
        if (typeof custom.value === "string" && custom.value.trim() !== "") message = custom.value;
      }
      failures.push({ message, expression: validation.expression });
    }
  }
  return { admitted: failures.length === 0, matched: true, failures, warnings: [], auditRecords: [] };
}

async function readInput(args) {
  if (args.length > 1 || args.some((a) => a === "-h" || a === "--help")) {
    throw new UsageError("usage: node tests/referees/evaluate-policy.mjs [FILE] (JSON case or array of cases; stdin without FILE)");
  }
  let text;
  if (args.length === 1) {
    try {
      text = await readFile(args[0], "utf8");
    } catch (error) {
      throw new UsageError(`${args[0]}: cannot read: ${error.code ?? error.message}`);
    }
  } else {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    text = Buffer.concat(chunks).toString("utf8");
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`input is not JSON: ${error.message}`);
  }
}

try {
  const input = await readInput(process.argv.slice(2));
  const verdicts = Array.isArray(input) ? input.map(decide) : decide(input);
  process.stdout.write(JSON.stringify(verdicts) + "\n");
  process.exitCode = EXIT_OK;
} catch (error) {
  // A crash of the referee itself must never read as a verdict on the input.
  console.error(error instanceof UsageError ? error.message : `referee internal error: ${error.stack}`);
  process.exitCode = error instanceof UsageError ? EXIT_USAGE : EXIT_INTERNAL;
}
