#!/usr/bin/env bash
# Builds the repository's Dockerfile and runs the image the way a self-hoster does, on the host's network
# and 127.0.0.1 only. Prints one line at the end:
#   docker check passed: image N MB, build N s, healthy in N s (restart N s), stop in N s, N s in all
# Exit codes: 0 passed, 1 failed (the image or its set-up is broken), 77 skipped (no engine can be had here:
# `docker check skipped: <reason>`). Everything it starts it stops, on failure too.
set -uo pipefail

# dockerd and debootstrap live in sbin, which a non-login root shell may lack.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=engine.sh
source "$here/engine.sh"
# shellcheck source=base-images.sh
source "$here/base-images.sh"
# shellcheck source=signing.sh
source "$here/signing.sh"
# shellcheck source=run-steps.sh
source "$here/run-steps.sh"

readonly RUN_ID="creditsbot-check-$$"
readonly IMAGE="$RUN_ID:latest"
readonly VOLUME="$RUN_ID-data"
WORK=
CONTAINERS=()

fail() {
  echo "docker check failed: $*"
  exit 1
}

cleanup() {
  local container
  for container in "${CONTAINERS[@]}"; do docker rm -f -v "$container" >/dev/null 2>&1; done
  docker volume rm -f "$VOLUME" >/dev/null 2>&1
  if docker image inspect "$IMAGE" >/dev/null 2>&1; then
    docker rmi -f "$IMAGE" >/dev/null 2>&1
    # On an engine of its own the check also drops the build stages it left behind (the base images stay).
    [ "$ENGINE_STARTED_BY_US" -eq 1 ] && docker image prune -f >/dev/null 2>&1
  fi
  engine_stop
  [ -n "$WORK" ] && rm -rf "$WORK"
}

main() {
  local start
  start=$(now_ms)
  if ! engine_acquire; then
    echo "docker check skipped: $SKIP_REASON"
    exit 77
  fi
  trap cleanup EXIT
  trap 'exit 1' INT TERM HUP
  WORK=$(mktemp -d /tmp/creditsbot-check.XXXXXX)
  need_tools curl openssl docker-compose || fail "could not install curl, openssl and docker-compose"
  ensure_base_images || fail "the base images could not be pulled nor built as stand-ins"

  build_image
  check_runtime_image_contents
  check_cli_lookup
  check_compose_file
  first_run_builds_index
  second_run_reopens_index_and_answers_http
  echo "docker check passed: image $(image_megabytes) MB, build ${BUILD_SECONDS} s, healthy in ${HEALTHY_SECONDS} s (restart ${RESTART_HEALTHY_SECONDS} s), stop in ${STOP_SECONDS} s, $(seconds_since "$start") s in all"
}

main "$@"
