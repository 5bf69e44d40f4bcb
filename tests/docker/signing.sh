# Sourced by check.sh: Discord-style signed POSTs to /interactions, made with openssl's Ed25519.
# Discord signs the timestamp header's bytes followed by the raw body, and sends the signature as hex.

PUBLIC_KEY_HEX=

hex() { od -An -v -tx1 | tr -d ' \n'; }

make_signing_key() {
  openssl genpkey -algorithm ed25519 -out "$WORK/interactions.pem" 2>/dev/null || fail "openssl cannot make an Ed25519 key"
  # The raw public key is the last 32 bytes of its DER form.
  PUBLIC_KEY_HEX=$(openssl pkey -in "$WORK/interactions.pem" -pubout -outform DER | tail -c 32 | hex)
  [ "${#PUBLIC_KEY_HEX}" -eq 64 ] || fail "could not read the Ed25519 public key"
}

sign() {
  printf '%s%s' "$1" "$2" >"$WORK/signed-message"
  openssl pkeyutl -sign -inkey "$WORK/interactions.pem" -rawin -in "$WORK/signed-message" | hex
}

# POSTs body $2 to port $1, signed (or with signature $3 instead); the reply goes to $WORK/reply,
# the status code to stdout.
signed_post() {
  local port=$1 body=$2 timestamp signature
  timestamp=$(date +%s)
  signature=${3:-$(sign "$timestamp" "$body")}
  curl -sS --max-time 10 -o "$WORK/reply" -w '%{http_code}' -H 'Content-Type: application/json' \
    -H "X-Signature-Ed25519: $signature" -H "X-Signature-Timestamp: $timestamp" \
    --data-binary "$body" "http://127.0.0.1:$port/interactions"
}

readonly PING_BODY='{"id":"1200000000000000001","application_id":"1200000000000000002","type":1,"token":"docker-check","version":1}'

check_signed_ping() {
  local port=$1 code
  code=$(signed_post "$port" "$PING_BODY")
  [ "$code" = 200 ] && grep -Eq '"type": ?1\b' "$WORK/reply" ||
    fail "a signed PING got $code $(cat "$WORK/reply") instead of 200 {\"type\":1}"
  code=$(signed_post "$port" "$PING_BODY" "$(printf '%0128d' 0)")
  [ "$code" = 401 ] || fail "a PING with a wrong signature got $code instead of 401"
}

person_command_body() {
  printf '{"id":"1200000000000000003","application_id":"1200000000000000002","type":2,"token":"docker-check","version":1,'
  printf '"guild_id":"1200000000000000004","channel_id":"1200000000000000005",'
  printf '"member":{"user":{"id":"1200000000000000006","username":"docker-check"}},'
  printf '"data":{"id":"1200000000000000007","name":"credits","type":1,'
  printf '"options":[{"name":"person","type":1,"options":[{"name":"name","type":3,"value":"%s"}]}]}}' "$1"
}

# A signed /credits person "$2" must answer at once (type 4) with text $3 of their credits. A deferred answer
# (type 5, the machine was slower than Discord's deadline) is asked again: the edit it promises would go
# to Discord's REST API, which this check points nowhere.
check_signed_lookup() {
  local port=$1 name=$2 expected=$3 code try
  for try in 1 2 3; do
    code=$(signed_post "$port" "$(person_command_body "$name")")
    [ "$code" = 200 ] || fail "a signed /credits person \"$name\" got $code: $(cat "$WORK/reply")"
    grep -Eq '"type": ?5\b' "$WORK/reply" || break
  done
  grep -Eq '"type": ?4\b' "$WORK/reply" && grep -qiF "$expected" "$WORK/reply" ||
    fail "a signed /credits person \"$name\" did not answer with \"$expected\": $(head -c 400 "$WORK/reply")"
}
