# What zsh's completion offers after WORDS, asked as a user asks it: an interactive zsh on a terminal of its own runs
# SETUP (such as sourcing a completion script), then WORDS are typed and TAB pressed. Every completion passes through
# compadd, which is wrapped to write the candidates it is given into OUT, one a line.
# usage: zsh -f zsh-complete.zsh OUT SETUP WORDS...
out=$1 setup=$2
shift 2
zmodload zsh/zpty || exit 2
zpty shell zsh -f -i
zpty -w shell "$setup"
zpty -w shell 'compadd() { local -a hits; builtin compadd -A hits "$@"; print -rl -- $hits >> '${(q)out}'; builtin compadd "$@"; }'
# Keys typed before the line editor reads them would meet the terminal's own line editing: type only once it has
# started (zle-line-init), and learn that it is done from a key of its own (Ctrl-X d), taken after TAB.
zpty -w shell 'said() { print -r -- $1 > '${(q)out}'.$1; }; zle-line-init() { said ready; }; finished() { said done; }'
zpty -w shell 'zle -N zle-line-init; zle -N finished; bindkey "^Xd" finished'
awaited() {
  for i in {1..600}; do
    [[ -e $out.$1 ]] && return 0
    sleep 0.1
  done
  print -u2 "zsh was not $1 within a minute"
  zpty -d shell
  exit 1
}
awaited ready
zpty -w -n shell "$*"$'\t\C-xd'
awaited done
zpty -d shell
touch $out
