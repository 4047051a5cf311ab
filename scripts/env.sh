# Shared by the project's scripts: where caches live and which tools to use.
# Build caches stay outside the clone, so a fresh clone reuses earlier builds.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/put-it-right/target}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# The npm `binaryen` package's wasm-opt (Trunk.toml pins its version), from the
# build's own packages (tools/package.json), not the tests'.
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export SERVER_BIN="$CARGO_TARGET_DIR/release/server"
step() { printf '\n==> %s\n' "$*"; }
