# Shared by the project's scripts: where caches live and which tools to use.
# Build caches stay outside the clone, so a clone made again in the same place
# reuses its earlier builds. There is one cache per checkout folder: a build
# records the folder it was made from (the tests find their snapshots and read
# the sources through it, and cargo does not rebuild when only the folder
# changes), so two checkouts sharing a cache would test each other's files.
checkout_key=$(printf '%s' "$PWD" | sha256sum | cut -c1-12)
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/put-it-right/target-$checkout_key}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# The npm `binaryen` package's wasm-opt (Trunk.toml pins its version), from the
# build's own packages (tools/package.json), not the tests'.
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export SERVER_BIN="$CARGO_TARGET_DIR/release/server"
step() { printf '\n==> %s\n' "$*"; }
