# Sourced by .ci/run and scripts: puts Node >= 22 first on PATH, installing it under .tools/ when the machine's is older.
node_ok() { command -v node >/dev/null && node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 22 ? 0 : 1)'; }
if ! node_ok; then
  if [ ! -x .tools/node_modules/.bin/node ]; then
    echo "Node $(node --version 2>/dev/null || echo none) is older than 22: installing Node 24 into .tools/" >&2
    npm install --prefix .tools --no-save node@24 >&2
  fi
  export PATH="$PWD/.tools/node_modules/.bin:$PATH"
fi
