#!/usr/bin/env bash
# Installs the plugins the way a platform team does, following the README:
# builds and packs every publishable package under plugins/, checks what each
# tarball holds, creates a Backstage backend and app in a temporary folder
# outside this workspace, adds the tarballs with `yarn add`, starts that
# backend on PostgreSQL and uses the ITSM API, and type-checks the app, which
# mounts the frontend plugin in both frontend systems. Removes all it made,
# names the step that failed and prints the time of each step.
#
#   bash scripts/install-test.sh
#
# ITSM_INSTALL_TEST_PORT (default 7017) is the backend's port;
# POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER and POSTGRES_PASSWORD (default
# 127.0.0.1, 5432, postgres, none) reach the server, which gets one database
# per plugin named itsm_install_<run>_<plugin>, dropped at the end;
# ITSM_INSTALL_TEST_KEEP=1 keeps the temporary folder for a look afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
source scripts/bootstrap.sh >/dev/null

export ITSM_INSTALL_TEST_PORT=${ITSM_INSTALL_TEST_PORT:-7017}
export POSTGRES_HOST=${POSTGRES_HOST:-127.0.0.1}
export POSTGRES_PORT=${POSTGRES_PORT:-5432}
export POSTGRES_USER=${POSTGRES_USER:-postgres}
export POSTGRES_PASSWORD=${POSTGRES_PASSWORD:-}
export ITSM_INSTALL_TEST_DB_PREFIX="itsm_install_$(date +%s)_$$_"
backend_url="http://localhost:$ITSM_INSTALL_TEST_PORT"

work=$(mktemp -d "${TMPDIR:-/tmp}/itsm-install-test.XXXXXX")
project="$work/project"
tarballs="$work/tarballs"
backend_log="$work/backend.log"
backend_pid=""
created_dists=()
pack_dirs=()

started=$SECONDS
step_started=$SECONDS
current_step=""
timings=()

record_step() {
  if [[ -n $current_step ]]; then
    timings+=("$(printf '%-20s %4ss' "$current_step" $((SECONDS - step_started)))")
  fi
}

step() {
  record_step
  current_step=$1
  step_started=$SECONDS
  echo "::: install-test: $1"
}

psql_admin() {
  PGPASSWORD=$POSTGRES_PASSWORD psql -h "$POSTGRES_HOST" -p "$POSTGRES_PORT" \
    -U "$POSTGRES_USER" -d postgres -v ON_ERROR_STOP=1 -Atq "$@"
}

stop_backend() {
  [[ -n $backend_pid ]] || return 0
  # The backend runs in a session of its own: stop the whole process group.
  kill -TERM -- "-$backend_pid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$backend_pid" 2>/dev/null || break
    sleep 1
  done
  kill -KILL -- "-$backend_pid" 2>/dev/null || true
  wait "$backend_pid" 2>/dev/null || true
  backend_pid=""
}

drop_databases() {
  local db
  for db in $(psql_admin -c "SELECT datname FROM pg_database WHERE datname LIKE '${ITSM_INSTALL_TEST_DB_PREFIX}%'"); do
    psql_admin -c "DROP DATABASE \"$db\" WITH (FORCE)"
  done
}

finish() {
  local rc=$?
  set +e
  record_step
  local failed_step=$current_step
  current_step=""
  if ((rc != 0)) && [[ $failed_step == *-backend && -s $backend_log ]]; then
    echo "--- last lines of the backend's log" >&2
    tail -40 "$backend_log" >&2
  fi
  step stop-and-drop
  stop_backend
  drop_databases || echo "install-test: could not drop the ${ITSM_INSTALL_TEST_DB_PREFIX}* databases" >&2
  step remove-files
  cd "$repo"
  # A pack stopped half-way leaves the production package.json in place.
  local dir
  for dir in "${pack_dirs[@]}"; do
    if [[ -f $dir/package.json-prepack ]]; then
      (cd "$dir" && yarn backstage-cli package postpack >/dev/null)
    fi
  done
  for dir in "${created_dists[@]}"; do
    rm -rf "$dir/dist"
  done
  if [[ ${ITSM_INSTALL_TEST_KEEP:-} == 1 ]]; then
    echo "install-test: kept $work"
  else
    rm -rf "$work"
  fi
  record_step
  echo "::: install-test: step timings"
  printf '  %s\n' "${timings[@]}"
  if ((rc == 0)); then
    echo "install-test: passed in $((SECONDS - started))s"
  else
    echo "install-test: FAILED in step '$failed_step' (exit $rc) after $((SECONDS - started))s" >&2
  fi
  exit "$rc"
}
trap finish EXIT

step preflight
if (exec 3<>"/dev/tcp/127.0.0.1/$ITSM_INSTALL_TEST_PORT") 2>/dev/null; then
  echo "Port $ITSM_INSTALL_TEST_PORT is in use; set ITSM_INSTALL_TEST_PORT to a free one" >&2
  exit 1
fi
psql_admin -c 'SELECT 1' >/dev/null
package_list=$(node scripts/install-test/listPackages.mjs)
mapfile -t packages <<<"$package_list"
printf '  %s\n' "${packages[@]}"

step metadata
# Fails when package.json fields that publishing needs (exports,
# typesVersions, pluginPackages, ...) are missing or stale; the fix is
# `yarn backstage-cli repo fix --publish`.
yarn backstage-cli repo fix --publish --check

step build
# Package builds read the type declarations that tsc writes to dist-types/.
yarn tsc
for line in "${packages[@]}"; do
  IFS=$'\t' read -r dir _ <<<"$line"
  [[ -d $dir/dist ]] || created_dists+=("$repo/$dir")
  (cd "$dir" && yarn backstage-cli package build)
done

step pack
mkdir -p "$tarballs"
tarball_args=()
declare -A versions
backend_dir=""
for line in "${packages[@]}"; do
  IFS=$'\t' read -r dir name version role <<<"$line"
  tarball="$tarballs/$(basename "$dir")-$version.tgz"
  pack_dirs+=("$repo/$dir")
  (cd "$dir" && yarn pack --out "$tarball" >/dev/null)
  tarball_args+=("$name=$tarball")
  versions[$name]=$version
  [[ $role != backend-plugin ]] || backend_dir=$dir
done
if [[ -z $backend_dir ]]; then
  echo "No package under plugins/ has the backend-plugin role" >&2
  exit 1
fi

step check-tarballs
bad_tarballs=0
for line in "${packages[@]}"; do
  IFS=$'\t' read -r dir _ version _ <<<"$line"
  node scripts/install-test/checkTarball.mjs "$dir" "$tarballs/$(basename "$dir")-$version.tgz" ||
    bad_tarballs=$((bad_tarballs + 1))
done
if ((bad_tarballs > 0)); then
  echo "$bad_tarballs tarball(s) failed their checks" >&2
  exit 1
fi

step create-project
node scripts/install-test/createApp.mjs "$project" "${tarball_args[@]}"
# Starting from this repository's lockfile gives the project the Backstage
# release these plugins are built and tested against, as a platform team on
# that release has it; only the new packages are resolved afresh.
cp yarn.lock "$project/yarn.lock"

# The commands of the README's "Installation" sections, run in the project.
export YARN_ENABLE_IMMUTABLE_INSTALLS=false
cd "$project"

step add-backend-plugin
yarn --cwd packages/backend add "@backstage-itsm/plugin-itsm-backend@^${versions[@backstage-itsm/plugin-itsm-backend]}"

step add-frontend-plugin
yarn --cwd packages/app add "@backstage-itsm/plugin-itsm@^${versions[@backstage-itsm/plugin-itsm]}"

step start-backend
setsid yarn --cwd packages/backend start >"$backend_log" 2>&1 &
backend_pid=$!
deadline=$((SECONDS + 300))
until curl -sf -o /dev/null "$backend_url/api/itsm/health"; do
  if ! kill -0 "$backend_pid" 2>/dev/null; then
    echo "The backend stopped before it answered" >&2
    exit 1
  fi
  if ((SECONDS > deadline)); then
    echo "The backend did not answer $backend_url/api/itsm/health within 300 s" >&2
    exit 1
  fi
  sleep 2
done

step check-backend
node "$repo/scripts/install-test/checkBackend.mjs" "$backend_url" "$backend_dir/migrations"

step stop-backend
stop_backend
if curl -s -o /dev/null "$backend_url"; then
  echo "The backend still answers after being stopped" >&2
  exit 1
fi

step typecheck-app
yarn tsc
