# aikg's components, cliques, centralities, communities and paths against
# NetworkX on generated graphs of up to several hundred organisations
# (networkx_compare.py says which and how).
source "$(dirname "$0")/lib.sh"
# A Python with NetworkX, preferably with SciPy too (its PageRank): Debian's
# python3-networkx lives in /usr/bin/python3, which a virtualenv or pyenv
# python3 on PATH may hide.
py=""
for modules in "networkx, scipy" "networkx"; do
  for candidate in python3 /usr/bin/python3; do
    if [ -z "$py" ] && command -v "$candidate" >/dev/null && "$candidate" -c "import $modules" 2>/dev/null; then
      py=$candidate
    fi
  done
done
[ -n "$py" ] || fail "NetworkX is not installed (apt-get install python3-networkx)"
"$py" "$(dirname "$0")/networkx_compare.py" "$AIKG" "$WORK" || fail "aikg and NetworkX disagree"
echo "ok"
