#!/usr/bin/env bash
# Installs what the real-VS-Code tests (`npm run test:host`) need, on a machine that reaches only the npm
# registry and Debian's archive:
#   - Debian packages: libkrb5-dev pkg-config (to build code-server's native modules), ripgrep (seeds
#     @vscode/ripgrep, which would otherwise download from GitHub), chromium (the browser driven by
#     playwright-core), pre-commit (test/integrations/pre-commit.test.ts installs this repository's hook
#     with it), neovim (Debian 12's 0.7: test/editors/neovim.test.ts drives specroles-ls with its LSP client);
#   - code-server (a real VS Code: web workbench + Node extension host) into a cache folder outside the
#     project's node_modules: ${SPECROLES_CACHE:-$HOME/.cache/specroles}/code-server.
# Idempotent: installs only what is missing. Progress goes to stderr; the last line on stdout is the path of
# the code-server executable, so `CODE_SERVER=$(.ci/install-host.sh)` works.
#
# Environment:
#   SPECROLES_CACHE          cache root (default $HOME/.cache/specroles)
#   SPECROLES_CS_VERSION     code-server version (default 4.100.3: the newest that runs on Node 20)
#   SPECROLES_SKIP_APT=1     do not touch Debian packages (e.g. no root; install them yourself)
set -euo pipefail

CS_VERSION=${SPECROLES_CS_VERSION:-4.100.3}
CACHE=${SPECROLES_CACHE:-${HOME:-/root}/.cache/specroles}
DEST=$CACHE/code-server
BIN=$DEST/node_modules/.bin/code-server
MARKER=$DEST/.specroles-installed
APT_PACKAGES=(libkrb5-dev pkg-config ripgrep chromium fonts-dejavu-core pre-commit neovim)
# @vscode/ripgrep's version in code-server 4.100.x and the rg release it downloads (its cache file name).
RIPGREP_PKG_VERSION=1.15.11
RIPGREP_RELEASE=v13.0.0-10

say() { printf '[install-host] %s\n' "$*" >&2; }

# ---- 1. Debian packages -------------------------------------------------------------------------------------
if [ "${SPECROLES_SKIP_APT:-}" != 1 ]; then
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    if [ "$status" != 'install ok installed' ]; then missing+=("$pkg"); fi
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    SUDO=()
    if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo -E); fi
    say "apt: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get update -q >&2
    "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
  else
    say "apt: ${APT_PACKAGES[*]} already installed"
  fi
fi

# ---- 2. code-server -----------------------------------------------------------------------------------------
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$CS_VERSION" = 4.100.3 ] && [ "$node_major" != 20 ]; then
  say "warning: code-server $CS_VERSION is built for Node 20; this is Node $(node -v)"
fi

mkdir -p "$CACHE"
# Serialise concurrent installs into the same cache.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE/.install.lock"
  flock 9
fi

installed_version() {
  [ -f "$MARKER" ] && [ -x "$BIN" ] && cat "$MARKER" || true
}

if [ "$(installed_version)" = "$CS_VERSION" ]; then
  say "code-server $CS_VERSION already installed in $DEST"
else
  say "code-server: installing $CS_VERSION into $DEST (~300 MB, about a minute)"
  command -v rg >/dev/null 2>&1 || { say "error: rg (ripgrep) not found; install the Debian package ripgrep"; exit 1; }
  # A previous, failed or different-version install: start clean (no marker = not trusted).
  rm -rf "$DEST"
  mkdir -p "$DEST"
  cd "$DEST"
  printf '{ "name": "specroles-code-server", "private": true }\n' >package.json

  # @vscode/ripgrep's postinstall downloads rg from api.github.com, unless its download cache
  # ($TMPDIR/vscode-ripgrep-cache-<pkg version>/ripgrep-<release>-<target>.tar.gz) already holds it:
  # seed it with Debian's rg. A private TMPDIR keeps /tmp clean and the seed out of other tools' way.
  case "$(uname -m)" in
    x86_64) rg_target=x86_64-unknown-linux-musl ;;
    aarch64 | arm64) rg_target=aarch64-unknown-linux-musl ;;
    *) say "error: unsupported architecture $(uname -m)"; exit 1 ;;
  esac
  export TMPDIR=$DEST/.tmp
  rg_cache=$TMPDIR/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION
  mkdir -p "$rg_cache"
  tar czf "$rg_cache/ripgrep-$RIPGREP_RELEASE-$rg_target.tar.gz" -C "$(dirname "$(command -v rg)")" rg

  # npm_config_unsafe_perm=true: code-server's postinstall refuses to run as root without it (npm >= 7
  #   ignores the setting itself, but the script reads the variable).
  # npm_config_yes=true: a dependency runs `npx node-gyp`, and an npmrc with yes=false makes npx refuse.
  # Lockfile-free, no audit/fund: this folder is a cache, not a project.
  npm_config_unsafe_perm=true npm_config_yes=true npm_config_audit=false npm_config_fund=false \
    npm install --no-save --no-package-lock --foreground-scripts "code-server@$CS_VERSION" >&2

  # code-server writes ~/.config/code-server/config.yaml and logs on any start, --version included: point
  # its XDG dirs at a throw-away folder. It may also log a line to stdout first: take the version line.
  xdg=$TMPDIR/xdg
  got=$(XDG_CONFIG_HOME=$xdg/config XDG_DATA_HOME=$xdg/data XDG_CACHE_HOME=$xdg/cache "$BIN" --version 2>/dev/null |
    grep -Eo '^[0-9]+\.[0-9]+\.[0-9]+' | head -n1 || true)
  if [ "$got" != "$CS_VERSION" ]; then
    say "error: installed code-server reports version '$got', expected $CS_VERSION"
    exit 1
  fi
  rm -rf "$TMPDIR"
  printf '%s\n' "$CS_VERSION" >"$MARKER"
  say "code-server $CS_VERSION installed"
fi

printf '%s\n' "$BIN"
