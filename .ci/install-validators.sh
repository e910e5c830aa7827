#!/usr/bin/env bash
# The PDF/A test (test/render/pdfa.test.ts) validates archival output with qpdf and Apache PDFBox
# Preflight, both Debian packages (veraPDF is packaged neither for Debian nor on npm). Installs
# them when missing; needs root and apt.
set -euo pipefail
need=()
command -v qpdf >/dev/null || need+=(qpdf)
command -v java >/dev/null || need+=(default-jre-headless)
[ -f /usr/share/java/preflight.jar ] || need+=(libpdfbox2-java)
[ -f /usr/share/java/javax.activation.jar ] || need+=(libactivation-java)
[ -f /usr/share/java/jaxb-api.jar ] || need+=(libjaxb-api-java)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
