// Prints the PrometheusRule that carries deploy/prometheus/rules/*.yml to the Prometheus Operator.
// The rules are written once, for promtool and compose; Kubernetes gets this generated copy:
//   node deploy/tools/prometheus-rule.mjs > k8s/base/monitoring/prometheus-rules.yaml
// (PrometheusRulesInSyncTest fails when the two differ.)
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";

const rulesDir = join(dirname(fileURLToPath(import.meta.url)), "..", "prometheus", "rules");
const groups = readdirSync(rulesDir)
  .filter((name) => name.endsWith(".yml"))
  .sort()
  .flatMap((name) => parse(readFileSync(join(rulesDir, name), "utf8")).groups);

const rule = {
  apiVersion: "monitoring.coreos.com/v1",
  kind: "PrometheusRule",
  metadata: { name: "gridgov" },
  spec: { groups },
};
process.stdout.write("# Generated from deploy/prometheus/rules by deploy/tools/prometheus-rule.mjs: edit the rules there.\n");
process.stdout.write(stringify(rule, { lineWidth: 0 }));
