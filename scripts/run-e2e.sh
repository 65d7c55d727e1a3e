#!/usr/bin/env bash
# Runs the end-to-end suites (real Chromium, real Alertmanager) against the
# demo app. Starts `yarn start` (app-config.yaml and app-config.demo.yaml,
# whose static token the alert suites use) on an in-memory SQLite database
# unless ITSM_E2E_APP_URL points at an app that is already running.
set -euo pipefail
cd "$(dirname "$0")/.."

wait_for() {
  local url=$1 deadline=$((SECONDS + 400))
  until curl -sf -o /dev/null "$url"; do
    if ((SECONDS > deadline)); then
      echo "Timed out waiting for $url" >&2
      return 1
    fi
    sleep 3
  done
}

if [[ -z "${ITSM_E2E_APP_URL:-}" ]]; then
  log=$(mktemp)
  # A session of its own, so that the whole process tree stops with it.
  setsid yarn start >"$log" 2>&1 &
  app_pid=$!
  trap 'kill -- "-$app_pid" 2>/dev/null || true' EXIT
  echo "Starting the demo app (log: $log)"
  if ! wait_for http://localhost:7007/api/itsm/health ||
    ! wait_for http://localhost:3000; then
    tail -50 "$log" >&2
    exit 1
  fi
fi

node --test --test-concurrency=1 e2e/*/*.e2e.mjs
