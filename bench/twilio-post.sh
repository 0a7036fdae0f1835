#!/usr/bin/env bash
# Posts a form to a Tidings Twilio webhook the way Twilio does, signed with X-Twilio-Signature:
# base64(HMAC-SHA1(auth token, URL + each parameter's name and value, sorted by name)).
#   bench/twilio-post.sh URL name=value [name=value ...]
# TWILIO_AUTH_TOKEN defaults to the demo's token. Prints the answer (TwiML for /webhooks/twilio/inbound).
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 URL name=value [name=value ...]" >&2; exit 2; }
TOKEN=${TWILIO_AUTH_TOKEN:-demo-twilio-auth-token}
URL=$1
shift
signed=$URL
while IFS= read -r pair; do
  signed+="${pair%%=*}${pair#*=}"
done < <(printf '%s\n' "$@" | LC_ALL=C sort -t= -k1,1)
SIG=$(printf '%s' "$signed" | openssl dgst -sha1 -hmac "$TOKEN" -binary | base64)
args=()
for pair in "$@"; do
  args+=(--data-urlencode "$pair")
done
curl -s -w '\nHTTP %{http_code}\n' -X POST "$URL" -H "X-Twilio-Signature: $SIG" "${args[@]}"
