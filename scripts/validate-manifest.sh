#!/usr/bin/env bash
# Validates the add-in manifest against Microsoft's XML Schemas, offline (no online validation service).
#   npm run validate:manifest
# Schemas: $SHINCHOKU_SCHEMAS, default ../shared/schemas/office-addin-manifest (relative to the repo root).
# Checks manifest.xml, and dist/manifest.xml too when a build has produced one.
# What XSD cannot check (resource ids, one origin, icon sizes, en-US overrides) is in test/manifest/.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

schema_dir="${SHINCHOKU_SCHEMAS:-../shared/schemas/office-addin-manifest}"
schema="$schema_dir/OfficeAppManifestV1_1.xsd"

if ! command -v xmllint >/dev/null 2>&1; then
  echo "validate-manifest: xmllint not found. Install it (Debian/Ubuntu: apt-get install -y libxml2-utils; macOS: it ships with Xcode CLT)." >&2
  exit 1
fi
if [[ ! -f "$schema" ]]; then
  echo "validate-manifest: schema not found: $schema" >&2
  echo "validate-manifest: set SHINCHOKU_SCHEMAS to the folder holding OfficeAppManifestV1_1.xsd and its imports." >&2
  exit 1
fi

manifests=(manifest.xml)
if [[ -f dist/manifest.xml ]]; then
  manifests+=(dist/manifest.xml)
fi

status=0
for manifest in "${manifests[@]}"; do
  if [[ ! -f "$manifest" ]]; then
    echo "validate-manifest: $manifest not found" >&2
    status=1
    continue
  fi
  # xmllint prints "<file> validates" or the errors with line numbers; keep going to report every file.
  if ! xmllint --noout --schema "$schema" "$manifest"; then
    echo "validate-manifest: $manifest does NOT validate against $schema" >&2
    status=1
  fi
done
exit "$status"
