# The zsh completion (`aikg completion zsh`) in a real interactive zsh: the
# test types a partial command line into a pseudo-terminal, presses Tab and
# reads back what the line became. Completions, subcommands and flags.
source "$(dirname "$0")/lib.sh"
command -v zsh >/dev/null || fail "zsh is not installed (tools/setup.sh --with-tests installs it)"
mkdir -p "$WORK/bin"
ln -s "$(cd "$(dirname "$AIKG")" && pwd)/$(basename "$AIKG")" "$WORK/bin/aikg"
cat > "$WORK/drive.zsh" <<'ZSH'
zmodload zsh/zpty
zpty shell "PATH=$1:\$PATH HOME=$2 zsh -f -i"
zpty -w shell "PS1='%% '; autoload -U compinit && compinit -u -d $2/zcompdump; source <(aikg completion zsh); print READY\$((1+1))"
out=''; while zpty -r shell chunk; do out+=$chunk; [[ $out == *READY2* ]] && break; done
for line in "${@[3,-1]}"; do
  zpty -w -n shell "$line"$'\t'
  sleep 0.5  # let the completion redraw the line before the marker is typed
  zpty -w -n shell ' #END'
  zpty -r shell buf '*#END'  # reads until the marker is echoed
  zpty -w -n shell $'\x15'  # Ctrl-U: the line is cleared, never run
  buf=${buf//$'\e'\[[0-9?;]#[a-zA-Z]/}  # terminal escapes
  buf=${buf##*aikg }                  # the last redraw of the line
  print -r -- "aikg ${buf%% #END*}"
done
zpty -d shell
ZSH
got=$(timeout 60 zsh -f "$WORK/drive.zsh" "$WORK/bin" "$WORK" \
  'aikg alli' 'aikg export d' 'aikg export dot --spl' 'aikg alliances --exclude' 'aikg alias rej')
expect_eq "$got" $'aikg alliances\naikg export dot\naikg export dot --split-types\naikg alliances --exclude-types\naikg alias reject' \
  "zsh completion"
echo ok
