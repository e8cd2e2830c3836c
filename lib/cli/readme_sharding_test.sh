#!/usr/bin/env bash
# Runs the README's GNU parallel sharding example as written (the lines of
# the ```sh block after "**Sharding.**"), with `claims` set to a few quick
# claims and ./build/thmcheck pointing at the binary under test, and checks
# that the merged report equals the report of one machine running the same
# claims without shards.
#   readme_sharding_test.sh README.md /path/to/thmcheck 'os19.thm2.1.*'
set -euo pipefail
readme="$(realpath "$1")"
binary="$(realpath "$2")"
claims="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir -p build
ln -s "$binary" build/thmcheck
# The example block, as the README prints it.
awk '/^\*\*Sharding\.\*\*/ {found = 1} found && /^```sh$/ {inside = 1; next} inside && /^```$/ {exit} inside' \
  "$readme" > example.sh
grep -q '^parallel ' example.sh || { echo "no GNU parallel example found in $readme" >&2; exit 1; }
grep -q "^claims='\*'$" example.sh || { echo "the example does not set claims='*'" >&2; exit 1; }
sed -i "s|^claims='\*'$|claims='$claims'|" example.sh
bash example.sh > sharded.txt
mv reports sharded
./build/thmcheck run "$claims" --seed 1 --out whole > /dev/null
# Into the same directory name: the report names it in its commands.
./build/thmcheck report --in whole --out reports > /dev/null
# The report written from the shards and the single machine's, file by file.
diff -r sharded reports
echo "README sharding example: merged report of $(ls -d shard? | wc -l) shards equals the single-machine report"
