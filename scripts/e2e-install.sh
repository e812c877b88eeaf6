#!/usr/bin/env bash
# Installs what test/e2e/run.mjs needs: code-server (VS Code in the browser), playwright-core and
# Debian's chromium. Idempotent: a second run only checks. Everything npm installs goes to .e2e/
# (gitignored, with its own package.json) so the project's package-lock.json is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."

CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_VERSION=1.65.1
RIPGREP_PACKAGE_VERSION=1.15.11
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
E2E_DIR=.e2e

log() { echo "e2e-install: $*"; }

# 1. System packages: code-server's native modules build against Kerberos (libkrb5-dev, pkg-config);
#    ripgrep replaces the binary @vscode/ripgrep would download; chromium is the browser playwright drives.
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
command -v krb5-config >/dev/null || need_apt+=(libkrb5-dev)
command -v make >/dev/null && command -v g++ >/dev/null || need_apt+=(build-essential)
command -v python3 >/dev/null || need_apt+=(python3)
if ((${#need_apt[@]})); then
  log "apt-get install ${need_apt[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# 2. Only the npm registry is reachable, so @vscode/ripgrep's postinstall download must hit its
#    cache: it looks in os.tmpdir()/vscode-ripgrep-cache-<version>/<asset> first.
cache_dir="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}"
if [ ! -s "$cache_dir/$RIPGREP_ASSET" ]; then
  log "caching Debian's rg as $cache_dir/$RIPGREP_ASSET"
  mkdir -p "$cache_dir"
  staging="$(mktemp -d)"
  cp "$(command -v rg)" "$staging/rg"
  tar -czf "$cache_dir/$RIPGREP_ASSET" -C "$staging" rg
  rm -rf "$staging"
fi

# 3. code-server and playwright-core in their own folder.
if [ -f "$E2E_DIR/node_modules/code-server/out/node/entry.js" ] \
  && [ -f "$E2E_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] \
  && [ -f "$E2E_DIR/node_modules/playwright-core/package.json" ]; then
  log "code-server ${CODE_SERVER_VERSION} and playwright-core already installed in $E2E_DIR"
  exit 0
fi
mkdir -p "$E2E_DIR"
cat >"$E2E_DIR/package.json" <<JSON
{
  "name": "iac-hints-e2e-tools",
  "private": true,
  "description": "Tools for test/e2e/run.mjs, installed by scripts/e2e-install.sh.",
  "dependencies": {
    "code-server": "${CODE_SERVER_VERSION}",
    "playwright-core": "${PLAYWRIGHT_VERSION}"
  }
}
JSON
log "npm install code-server@${CODE_SERVER_VERSION} playwright-core@${PLAYWRIGHT_VERSION} (a few minutes)"
# code-server's postinstall installs VS Code's own dependencies with npm and runs scripts as root.
(
  cd "$E2E_DIR"
  export npm_config_unsafe_perm=true npm_config_yes=true npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
  npm install --no-package-lock --foreground-scripts >install.log 2>&1 || {
    tail -n 60 install.log
    log "npm install failed; the whole log is in $E2E_DIR/install.log"
    exit 1
  }
)
test -f "$E2E_DIR/node_modules/code-server/out/node/entry.js" || { log "code-server did not install"; exit 1; }
log "done"
