# Helpers for end-to-end tests: each test script gets the aikg binary and the
# source directory, works in a fresh temporary directory and fails loudly.
set -euo pipefail
AIKG=$1
SRC=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_eq() { [ "$1" = "$2" ] || fail "$3: expected '$2', got '$1'"; }
expect_contains() { grep -qF -- "$2" <<<"$1" || fail "$3: output does not contain '$2'"; }
