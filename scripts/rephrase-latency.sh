#!/usr/bin/env bash
# Measures what rephrasing adds to /api/ask, against the loopback stub in fake-openai.cs (see docs/rephrasing.md).
# Starts three processes on 127.0.0.1 (the stub, a host without rephrasing, a host with it), sends N sequential
# requests per case after a warm-up, prints percentiles, and stops what it started.
# Usage: scripts/rephrase-latency.sh [N=300] [question]
set -euo pipefail
cd "$(dirname "$0")/.."

n="${1:-300}"
question="${2:-What did Xi pledge to send to Ukraine?}"
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build BriefBot -c Release -o "$work/bin" -v quiet -nologo >/dev/null
dotnet build scripts/fake-openai.cs -c Release -o "$work/stub" -v quiet -nologo >/dev/null

"$work/stub/fake-openai" --urls http://127.0.0.1:5055 >"$work/stub.log" 2>&1 &
pids+=($!)

start_host() { # name port extra-settings...
  local name="$1" port="$2"; shift 2
  (cd "$work" && exec "$work/bin/BriefBot" --urls "http://127.0.0.1:$port" --Search:IndexFolder="$work/$name-index" \
    --Storage:Path="$work/$name.db" --Logging:LogLevel:Default=Warning "$@") >"$work/$name.log" 2>&1 &
  pids+=($!)
}
start_host off 5081
start_host on 5082 --OpenAI:Endpoint=http://127.0.0.1:5055/v1 --OpenAI:Model=stub --OpenAI:ApiKey=local

wait_for() { # url text-to-expect
  for _ in $(seq 150); do
    if curl -s -w ' HTTP %{http_code}' "$1" 2>/dev/null | grep -q "$2"; then return 0; fi
    sleep 0.2
  done
  echo "$1 did not come up; logs in $work" >&2
  exit 1
}
wait_for http://127.0.0.1:5081/healthz '"index":"ready"'
wait_for http://127.0.0.1:5082/healthz '"index":"ready"'
wait_for http://127.0.0.1:5055/ 'HTTP 404' # the stub serves POSTs only: any HTTP answer means it is up
body() { printf '{"question":"%s","rephrase":%s}' "$question" "$1"; }

cases=("rephrasing off (not configured)|5081|false" "rephrasing configured, not asked|5082|false" "rephrasing asked (stub model)|5082|true")
ask() { # port rephrase output
  curl -s -o "$3" -w '%{time_total}\n' -H 'content-type: application/json' -d "$(body "$2")" "http://127.0.0.1:$1/api/ask"
}

# Warm up every case (JIT tiers, connection pools), then interleave the cases so that the load of the machine
# falls on all three alike.
for _ in $(seq 200); do
  for c in "${cases[@]}"; do IFS='|' read -r _ port rephrase <<<"$c"; ask "$port" "$rephrase" /dev/null >/dev/null; done
done
for _ in $(seq "$n"); do
  for c in "${cases[@]}"; do
    IFS='|' read -r _ port rephrase <<<"$c"
    ask "$port" "$rephrase" "$work/last-$port-$rephrase.json" >>"$work/$port-$rephrase.txt"
    if [ "$rephrase" = true ]; then grep -o '"elapsedMs":[0-9.]*' "$work/last-$port-$rephrase.json" | cut -d: -f2 >>"$work/model-ms.txt"; fi
  done
done
grep -q '"aiGenerated":true' "$work/last-5082-true.json" || { echo "the rephrase case did not rephrase:"; cat "$work/last-5082-true.json"; exit 1; }

stats() { # label file scale
  sort -n "$2" | awk -v label="$1" -v scale="$3" '{ v[NR] = $1 * scale; s += $1 * scale }
    END { printf "%-40s n=%d  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  mean %6.2f ms\n", label, NR, v[int(NR*0.5)], v[int(NR*0.95)], v[int(NR*0.99)], s/NR }'
}

echo "POST /api/ask \"$question\": $n requests per case, sequential, interleaved, after 200 warm-up rounds"
for c in "${cases[@]}"; do
  IFS='|' read -r label port rephrase <<<"$c"
  stats "$label" "$work/$port-$rephrase.txt" 1000
done
stats "  of which the model step (elapsedMs)" "$work/model-ms.txt" 1
