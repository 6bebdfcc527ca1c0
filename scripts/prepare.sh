# Sourced by dev.sh and test.sh: checks the machine and installs what Linkwork needs, idempotently.
# Needs only Node >= 20.19 and Java >= 17; pnpm comes from the npm registry into .tools/.

pinned_pnpm=$(node -p 'require("./package.json").packageManager.split("@")[1]')

fail() {
  printf '\n%s\n' "$1" >&2
  exit 1
}

node_ok=$(node -e 'const [a,b]=process.versions.node.split(".").map(Number); console.log(a>20||(a===20&&b>=19)?"yes":"no")')
[ "$node_ok" = yes ] || fail "Linkwork needs Node.js 20.19 or later; this is $(node --version)."

command -v java >/dev/null 2>&1 || fail "Linkwork runs DynamoDB Local, which needs Java 17 or later. Install it (Debian: apt-get install openjdk-17-jre-headless) and try again."
java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
[ "${java_major:-0}" -ge 17 ] || fail "DynamoDB Local needs Java 17 or later; found Java ${java_major:-unknown}."

if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$pinned_pnpm" ]; then
  pnpm="pnpm"
else
  pnpm="$PWD/.tools/node_modules/.bin/pnpm"
  if [ ! -x "$pnpm" ] || [ "$("$pnpm" --version 2>/dev/null)" != "$pinned_pnpm" ]; then
    echo "Installing pnpm $pinned_pnpm into .tools/ ..."
    npm install --prefix "$PWD/.tools" --no-save --no-audit --no-fund --loglevel=error "pnpm@$pinned_pnpm" >/dev/null ||
      fail "Could not install pnpm $pinned_pnpm from the npm registry."
  fi
  # Package scripts call pnpm by name.
  PATH="$PWD/.tools/node_modules/.bin:$PATH"
  export PATH
fi

echo "Installing dependencies ..."
"$pnpm" install --frozen-lockfile --reporter=silent || fail "pnpm install failed."

export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
