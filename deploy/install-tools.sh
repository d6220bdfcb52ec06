#!/usr/bin/env bash
# Installs what the deploy module's checks run besides Maven; safe to run again (does nothing then).
#   promtool + prometheus  Debian package prometheus (2.42): rule checks, rule unit tests, the scrape test
#   node_modules           npm ci in deploy/: the Compose schema and Kubernetes schema validators, Spectral with
#                          the OWASP API Security rules (system-tests' PublicApiLintIT lints the public API with them)
#   kubectl                its built-in Kustomize renders k8s/ overlays (no cluster needed)
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v promtool > /dev/null || ! command -v prometheus > /dev/null; then
  echo "Installing the Debian package prometheus (promtool, prometheus)…"
  export DEBIAN_FRONTEND=noninteractive
  sudo_if_needed() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
  sudo_if_needed apt-get update -qq
  sudo_if_needed apt-get install -y -qq --no-install-recommends prometheus > /dev/null
fi

# again when package-lock.json changed since the last install (npm records what it installed in node_modules/.package-lock.json)
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "Installing the validators' npm packages (npm ci in deploy/)…"
  npm ci --no-audit --no-fund --loglevel=error
fi

# kubectl comes with this project's machine image (Google Cloud CLI's kubectl, Kustomize v5); Debian's
# own kubernetes-client is too old (Kustomize v2) for these overlays, so it is not a fallback.
if ! kubectl kustomize --help > /dev/null 2>&1; then
  echo "kubectl with its built-in Kustomize (v5 or later) is needed to render k8s/ overlays: install kubectl 1.27 or later." >&2
  exit 1
fi
echo "deploy tools ready: $(promtool --version 2>&1 | head -n 1); node $(node --version); $(kubectl version --client 2>/dev/null | grep -i kustomize)"
