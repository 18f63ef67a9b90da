#!/usr/bin/env bash
# `npm test` needs three programs from Debian: chromium (browser-page end-to-end test), LibreOffice Calc
# (opens the written .xlsx as a second reader) and xmllint (manifest schema). On a fresh machine of this
# project's kind (root, Debian's packages reachable) they are installed here; elsewhere the missing ones are
# named and the run stops: those tests fail loudly, they never skip.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
fc-list 2>/dev/null | grep -qi "ipa\|noto.*cjk\|takao" || missing+=(fonts-ipafont-gothic)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "test tools: installing ${missing[*]} (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "test tools missing: ${missing[*]} — install them (e.g. sudo apt-get install ${missing[*]}); the browser and LibreOffice tests need them" >&2
exit 1
