// Validates rendered Kubernetes manifests offline, each object against the schema of its kind:
//  - built-in kinds: the Kubernetes OpenAPI schemas compiled into npm kubernetes-models;
//  - ServiceMonitor, PrometheusRule: @kubernetes-models/prometheus-operator;
//  - any other kind: the openAPIV3Schema of a CustomResourceDefinition found in the --crds folders
//    (Strimzi's, generated from its Maven artifacts; CloudNativePG's Cluster subset in deploy/crds).
// A CRD schema is applied as the API server does with strict field validation: a field the schema
// does not declare is an error. An object whose kind has no schema is an error too: nothing passes
// unchecked.
// Usage: node tools/validate-manifests.mjs [--crds <folder>]... <rendered.yaml>
// Prints one line per object ("ok Kind/name") and per violation; exits 1 on any violation.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parseAllDocuments } from "yaml";

const args = process.argv.slice(2);
const crdFolders = [];
let manifests;
while (args.length > 0) {
  const arg = args.shift();
  if (arg === "--crds") {
    crdFolders.push(args.shift());
  } else {
    manifests = arg;
  }
}
if (!manifests) {
  console.error("usage: node tools/validate-manifests.mjs [--crds <folder>]... <rendered.yaml>");
  process.exit(2);
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// OpenAPI's numeric formats and Kubernetes' own, which the CRD schemas use.
for (const format of ["int32", "int64", "float", "double", "byte", "binary", "int-or-string", "quantity"]) {
  ajv.addFormat(format, true);
}
const crdSchemas = loadCrdSchemas(crdFolders);

let failures = 0;
for (const document of parseAllDocuments(readFileSync(manifests, "utf8"))) {
  const object = document.toJS();
  if (!object) {
    continue;
  }
  const name = `${object.kind}/${object.metadata?.name}`;
  const errors = await validate(object);
  if (errors.length === 0) {
    console.log(`ok ${name}`);
  } else {
    failures += errors.length;
    for (const error of errors) {
      console.log(`invalid ${name}: ${error}`);
    }
  }
}
process.exit(failures === 0 ? 0 : 1);

async function validate(object) {
  const model = await modelFor(object.apiVersion, object.kind);
  if (model) {
    try {
      new model(asTheApiServerReadsIt(object)).validate();
      return [];
    } catch (error) {
      return [error.message];
    }
  }
  const schema = crdSchemas.get(`${object.apiVersion}/${object.kind}`);
  if (!schema) {
    return [`no schema known for ${object.apiVersion} ${object.kind}`];
  }
  return schema(object) ? [] : schema.errors.map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
}

// Kustomize folds a long Secret value's Base64 over several lines; the API server's decoder skips the line
// breaks (Go's encoding/base64), the schema's "byte" format does not.
function asTheApiServerReadsIt(object) {
  if (object.kind !== "Secret" || !object.data) {
    return object;
  }
  const data = Object.fromEntries(Object.entries(object.data).map(([key, value]) => [key, String(value).replace(/[\r\n]/g, "")]));
  return { ...object, data };
}

async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const candidates = group === "monitoring.coreos.com"
    ? [`@kubernetes-models/prometheus-operator/${group}/${version}/${kind}`]
    : [`kubernetes-models/${group ? group + "/" : ""}${version}/${kind}`];
  for (const candidate of candidates) {
    try {
      const module = await import(candidate);
      return module[kind];
    } catch (error) {
      if (error.code !== "ERR_MODULE_NOT_FOUND" && error.code !== "ERR_PACKAGE_PATH_NOT_EXPORTED") {
        throw error;
      }
    }
  }
  return null;
}

function loadCrdSchemas(folders) {
  const schemas = new Map();
  for (const folder of folders) {
    for (const file of readdirSync(folder).filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))) {
      for (const document of parseAllDocuments(readFileSync(join(folder, file), "utf8"))) {
        const crd = document.toJS();
        if (crd?.kind !== "CustomResourceDefinition") {
          continue;
        }
        for (const version of crd.spec.versions) {
          const schema = strict(version.schema.openAPIV3Schema);
          // apiVersion, kind and metadata are the API server's to check, not the CRD's.
          schema.properties = { ...schema.properties, apiVersion: { type: "string" }, kind: { type: "string" }, metadata: { type: "object" } };
          schemas.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, ajv.compile(schema));
        }
      }
    }
  }
  return schemas;
}

// Closes every object schema that lists its properties, unless it says unknown fields are kept.
function strict(schema) {
  if (Array.isArray(schema)) {
    return schema.map(strict);
  }
  if (schema === null || typeof schema !== "object") {
    return schema;
  }
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) =>
    [key, key === "properties" ? Object.fromEntries(Object.entries(value).map(([p, s]) => [p, strict(s)])) : strict(value)]));
  if (copy.type === "object" && copy.properties && copy.additionalProperties === undefined
      && !copy["x-kubernetes-preserve-unknown-fields"]) {
    copy.additionalProperties = false;
  }
  return copy;
}
