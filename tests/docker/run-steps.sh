# Sourced by check.sh: the steps of the Docker check. Each step fails the check with a reason (fail).
# Containers run with --network host and are reached on 127.0.0.1 only; Discord's REST base URL points at
# a closed loopback port so that nothing can leave the machine.

readonly ANSWER_PERSON="greg brockman"      # in the bundled pages
readonly ADDED_PAGE="$here/pages/docker-check.txt"
readonly ADDED_PERSON="Ottoline Brannagh"   # in the added page only, in this section:
readonly ADDED_SECTION="Container packaging"
readonly NOWHERE_API=http://127.0.0.1:9/api/v10

BUILD_SECONDS=; HEALTHY_SECONDS=; RESTART_HEALTHY_SECONDS=; STOP_SECONDS=

now_ms() { date +%s%3N; }
seconds_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }
image_megabytes() { docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{ printf "%d", $1 / 1000000 }'; }

need_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || install_packages "$tool" || return 1
  done
}

build_image() {
  echo "docker check: building the image from the Dockerfile (its tests run inside the build)"
  local start
  start=$(now_ms)
  # A hung restore must not hold CI for its whole budget.
  if ! timeout 1200 "$DOCKER_CLI" build --network host -t "$IMAGE" "$repo" >"$WORK/build.log" 2>&1; then
    tail -n 80 "$WORK/build.log"
    fail "docker build failed (last lines of its output above)"
  fi
  BUILD_SECONDS=$(seconds_since "$start")
  grep -E '^(Passed|Failed)! ' "$WORK/build.log" | sed 's/^/  inside the build: /'
}

# The runtime image holds the published app and the .NET runtime: no SDK, no test assemblies.
check_runtime_image_contents() {
  local container="$RUN_ID-contents"
  docker create --name "$container" "$IMAGE" >/dev/null || fail "docker create failed"
  CONTAINERS+=("$container")
  docker export "$container" | tar -tf - | sed 's#^\./##' >"$WORK/files" || fail "docker export failed"
  grep -q '^usr/share/dotnet/sdk/' "$WORK/files" && fail "the runtime image carries the .NET SDK"
  grep -Eq '^app/.*(Tests\.dll|xunit|testhost)' "$WORK/files" && fail "the runtime image carries test output: $(grep -Em 3 '^app/.*(Tests\.dll|xunit|testhost)' "$WORK/files" | tr '\n' ' ')"
  grep -q '^app/seeds/.*\.txt$' "$WORK/files" || fail "the bundled pages are not in /app/seeds"
  grep -q '^app/appsettings\.json$' "$WORK/files" || fail "/app/appsettings.json is missing"
  [ -n "$(docker image inspect -f '{{if .Config.Healthcheck}}{{.Config.Healthcheck.Test}}{{end}}' "$IMAGE")" ] ||
    fail "the image has no HEALTHCHECK"
}

check_cli_lookup() {
  local output
  # A person not found exits non-zero, so exit 0 with the name printed is an answer.
  output=$(docker run --rm --network none "$IMAGE" person "$ANSWER_PERSON" 2>&1) ||
    fail "docker run … person \"$ANSWER_PERSON\" exited with $?: $output"
  grep -qi "$ANSWER_PERSON" <<<"$output" || fail "docker run … person \"$ANSWER_PERSON\" did not print the answer: $output"
  echo "docker check: docker run … person \"$ANSWER_PERSON\" printed $(wc -l <<<"$output") lines of answer"
}

# The README's .env example, as a file: the lines between `cat > .env <<'ENV'` and `ENV`.
readme_env_example() {
  sed -n "/cat > \.env <<'ENV'/,/^ *ENV *$/p" "$repo/README.md" | sed '1d;$d' | sed 's/^ *//'
}

compose_config() {
  env -i PATH="$PATH" docker-compose --project-directory "$repo" -f "$repo/docker-compose.yml" --env-file "$1" config -q
}

check_compose_file() {
  readme_env_example >"$WORK/readme.env"
  grep -q '^DISCORD_TOKEN=' "$WORK/readme.env" || fail "the README's .env example (cat > .env <<'ENV' … ENV) was not found"
  compose_config "$WORK/readme.env" 2>"$WORK/compose.err" ||
    fail "docker-compose config rejects docker-compose.yml with the README's .env: $(cat "$WORK/compose.err")"
  grep -v '^DISCORD_TOKEN=' "$WORK/readme.env" >"$WORK/no-token.env"
  compose_config "$WORK/no-token.env" 2>/dev/null && fail "docker-compose.yml accepts a .env without DISCORD_TOKEN"
  echo "docker check: docker-compose config accepts docker-compose.yml with the README's .env example"
}

free_port() {
  local port _
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (: <>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

# Starts the bot on the /data volume: $1 name, $2 port, then extra `docker run` arguments. ASPNETCORE_URLS
# wins over the base image's ASPNETCORE_HTTP_PORTS, so on the host's network it listens on loopback only.
run_bot() {
  local container="$RUN_ID-$1" port=$2
  shift 2
  docker run -d --name "$container" --network host --health-interval=1s -v "$VOLUME:/data" \
    -e ASPNETCORE_URLS="http://127.0.0.1:$port" -e Discord__ApiBaseUrl="$NOWHERE_API" \
    -e Discord__RegisterCommandsOnStart=false "$@" "$IMAGE" >/dev/null || fail "docker run of the bot failed"
  CONTAINERS+=("$container")
}

show_logs() { echo "--- docker logs $1"; docker logs "$1" 2>&1 | tail -n 40; echo "---"; }

# Waits for the image's own HEALTHCHECK to report healthy.
wait_healthy() {
  local container=$1 deadline=$((SECONDS + 120)) state
  while :; do
    state=$(docker inspect -f '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}' "$container")
    case "$state" in
      "running healthy") return 0 ;;
      "running starting") ;;
      *) show_logs "$container"; fail "$container is '$state' instead of turning healthy" ;;
    esac
    [ "$SECONDS" -lt "$deadline" ] || { show_logs "$container"; fail "$container not healthy within 120 s"; }
    sleep 0.2
  done
}

# A log line appears shortly after the event it reports.
wait_for_log() {
  local container=$1 pattern=$2 deadline=$((SECONDS + 20))
  until docker logs "$container" 2>&1 | grep -Eiq "$pattern"; do
    [ "$SECONDS" -lt "$deadline" ] || { show_logs "$container"; fail "$container never logged /$pattern/"; }
    sleep 0.2
  done
}

# Every process in the container, as the engine sees them (the image needs no tools of its own for this).
check_not_root() {
  local uids
  uids=$(docker top "$1" -o pid,uid,comm | awk 'NR > 1 { print $2 }' | sort -u | paste -sd ' ')
  [ -n "$uids" ] || fail "docker top listed no process in $1"
  grep -qw 0 <<<"$uids" && fail "a process in $1 runs as root (uids: $uids)"
  echo "docker check: the bot runs as uid $uids"
}

healthz() { curl -fsS --max-time 5 "http://127.0.0.1:$1/healthz"; }
healthz_documents() { healthz "$1" | grep -o '"documents":[0-9]*' | cut -d: -f2; }

check_healthz_ready() {
  local report
  report=$(healthz "$1") || fail "/healthz did not answer 200 on a healthy container"
  grep -q '"ready":true' <<<"$report" || fail "/healthz is not ready: $report"
}

# `docker stop` must end the bot by SIGTERM with exit code 0, well before Docker's 10 s SIGKILL.
stop_cleanly() {
  local container=$1 start code
  start=$(now_ms)
  docker stop -t 10 "$container" >/dev/null || fail "docker stop $container failed"
  STOP_SECONDS=$(seconds_since "$start")
  code=$(docker inspect -f '{{.State.ExitCode}}' "$container")
  [ "$code" = 0 ] || { show_logs "$container"; fail "docker stop ended $container with exit code $code after $STOP_SECONDS s"; }
  awk -v s="$STOP_SECONDS" 'BEGIN { exit !(s < 10) }' || fail "docker stop took $STOP_SECONDS s (Docker kills at 10 s)"
  docker logs "$container" 2>&1 | grep -q 'Unhandled exception' && { show_logs "$container"; fail "$container logged an unhandled exception"; }
  return 0
}

first_run_builds_index() {
  local port start container="$RUN_ID-first"
  port=$(free_port) || fail "no free loopback port"
  start=$(now_ms)
  run_bot first "$port" -e Discord__Mode=None
  wait_healthy "$container"
  HEALTHY_SECONDS=$(seconds_since "$start")
  check_not_root "$container"
  check_healthz_ready "$port"
  wait_for_log "$container" 'index built'
  stop_cleanly "$container"
  echo "docker check: Mode=None on a new /data volume: healthy in $HEALTHY_SECONDS s, index built, stopped in $STOP_SECONDS s"
}

second_run_reopens_index_and_answers_http() {
  local port start documents container="$RUN_ID-second"
  port=$(free_port) || fail "no free loopback port"
  make_signing_key
  start=$(now_ms)
  run_bot second "$port" -e Discord__Mode=Http -e Discord__PublicKey="$PUBLIC_KEY_HEX" -e Discord__DeferAfterMilliseconds=2500
  wait_healthy "$container"
  RESTART_HEALTHY_SECONDS=$(seconds_since "$start")
  wait_for_log "$container" 'index reopened'
  docker logs "$container" 2>&1 | grep -Eiq 'index built' && fail "the restart on the same volume rebuilt the index"
  check_signed_ping "$port"
  documents=$(healthz_documents "$port")
  add_page_while_running "$container" "$port" "$documents"
  check_signed_lookup "$port" "$ADDED_PERSON" "$ADDED_SECTION"
  stop_cleanly "$container"
  echo "docker check: Mode=Http on the same volume: healthy in $RESTART_HEALTHY_SECONDS s, index reopened, signed PING answered, added page indexed and looked up, stopped in $STOP_SECONDS s"
}

add_page_while_running() {
  local container=$1 port=$2 before=$3 deadline=$((SECONDS + 60))
  docker cp "$ADDED_PAGE" "$container:/data/credits/" || fail "docker cp of a page into /data/credits failed"
  until [ "$(healthz_documents "$port")" = $((before + 1)) ]; do
    [ "$SECONDS" -lt "$deadline" ] || { show_logs "$container"; fail "a page added to /data/credits was not indexed within 60 s"; }
    sleep 0.5
  done
}
