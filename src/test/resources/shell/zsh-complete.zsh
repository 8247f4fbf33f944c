# What zsh's completion offers after WORDS, asked as a user asks it: an interactive zsh on a terminal of its own runs
# SETUP (such as sourcing a completion script), then WORDS are typed and TAB pressed. Every completion passes through
# compadd, which is wrapped to write the candidates it is given into OUT, one a line.
# usage: zsh -f zsh-complete.zsh OUT SETUP WORDS...
out=$1 setup=$2
shift 2
zmodload zsh/zpty || exit 2
zpty shell zsh -f -i
zpty -w shell "$setup"
wrapper='compadd() { local -a hits; builtin compadd -A hits "$@"; print -rl -- $hits >> '${(q)out}'; builtin compadd "$@"; }'
zpty -w shell "$wrapper"
zpty -w shell "print -r -- ready > ${(q)out}.ready"
# Keys typed while a command runs meet the terminal's own line editing: type only at the prompt.
awaited() {
  for i in {1..600}; do
    [[ -e $1 ]] && return 0
    sleep 0.1
  done
  print -u2 "zsh did not get to $1 within a minute"
  zpty -d shell
  exit 1
}
awaited $out.ready
# TAB completes; then Ctrl-U empties the line and a command says the shell is done: the line editor takes keys in order.
zpty -w -n shell "$*"$'\t'$'\C-u'
zpty -w shell "print -r -- done > ${(q)out}.done"
awaited $out.done
zpty -d shell
touch $out
