# Sourced by check.sh. Finds a Docker engine, or installs and starts Debian's with no bridge network
# (no bridge, no iptables, no masquerading: every container here runs on the host's network).
# engine_acquire returns 1 with SKIP_REASON set when no engine can be had at all.

ENGINE_STARTED_BY_US=0
ENGINE_PID=
SKIP_REASON=
DOCKER_CLI=docker
ENGINE_LOG=

docker() { command "$DOCKER_CLI" "$@"; }

engine_answers() { timeout 20 "$DOCKER_CLI" info >/dev/null 2>&1; }

install_packages() {
  command -v apt-get >/dev/null || return 1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1 && return 0
  # A machine whose package lists are missing or stale: read them once, then try again.
  apt-get update -qq >/dev/null 2>&1 &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1
}

engine_acquire() {
  if command -v docker >/dev/null && engine_answers; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then SKIP_REASON="no Docker engine answers and starting one needs root"; return 1; fi
  if ! command -v dockerd >/dev/null && ! install_packages docker.io; then
    SKIP_REASON="docker.io is not installed and no package manager could install it"; return 1
  fi
  # The client that ships with the engine speaks its API version.
  [ -x /usr/bin/docker ] && DOCKER_CLI=/usr/bin/docker
  engine_start
}

engine_start() {
  ENGINE_LOG=$(mktemp /tmp/creditsbot-dockerd.XXXXXX.log)
  dockerd --bridge=none --iptables=false --ip-masq=false >"$ENGINE_LOG" 2>&1 &
  ENGINE_PID=$!
  ENGINE_STARTED_BY_US=1
  local waited=0
  until engine_answers; do
    if ! kill -0 "$ENGINE_PID" 2>/dev/null || [ "$waited" -ge 60 ]; then
      SKIP_REASON="the Docker engine did not start: $(tail -n 1 "$ENGINE_LOG")"
      engine_stop
      return 1
    fi
    sleep 1; waited=$((waited + 1))
  done
}

# Stops the engine only when this check started it.
engine_stop() {
  [ "$ENGINE_STARTED_BY_US" -eq 1 ] || return 0
  if [ -n "$ENGINE_PID" ] && kill -0 "$ENGINE_PID" 2>/dev/null; then
    kill -TERM "$ENGINE_PID"
    local waited=0
    while kill -0 "$ENGINE_PID" 2>/dev/null && [ "$waited" -lt 30 ]; do sleep 1; waited=$((waited + 1)); done
    kill -0 "$ENGINE_PID" 2>/dev/null && kill -KILL "$ENGINE_PID"
    wait "$ENGINE_PID" 2>/dev/null
  fi
  rm -f "$ENGINE_LOG"
  ENGINE_STARTED_BY_US=0
}
