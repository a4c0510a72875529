#!/usr/bin/env bash
# Runs `tutor step formula-gradient` in a real terminal (a detached tmux session on a private server), presses keys
# with `tmux send-keys` and prints what the screen shows after each with `tmux capture-pane`. The same scenario is
# the automated test TmuxStepThroughTests in tests/Tutor.Student.Tests; this script is for looking at it yourself.
#
#   scripts/tmux-step.sh            # builds Lessons (Debug) first
#   NO_BUILD=1 scripts/tmux-step.sh
set -euo pipefail
command -v tmux >/dev/null || { echo "tmux is not installed (apt-get install tmux)"; exit 1; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ -n "${NO_BUILD:-}" ] || dotnet build "$root/Lessons/Tutor.Lessons.csproj" --nologo -v quiet
tutor="$root/Lessons/bin/Debug/net10.0/tutor.dll"
socket="tutor-step-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true' EXIT

tmux -L "$socket" new-session -d -s step -x 110 -y 40 \
  "env -u CI dotnet '$tutor' step formula-gradient; echo \"tutor exited with \$?\"; sleep 30"

wait_for() {   # wait until the pane shows $1 (up to 30 s)
  for _ in $(seq 300); do
    if tmux -L "$socket" capture-pane -p -t step | grep -qF "$1"; then sleep 0.3; return 0; fi   # let the screen finish drawing
    sleep 0.1
  done
  echo "timed out waiting for: $1"; tmux -L "$socket" capture-pane -p -t step; exit 1
}
show() {
  echo "==== after: $1"
  tmux -L "$socket" capture-pane -p -t step | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
}

wait_for "· start";                                         show "start"
tmux -L "$socket" send-keys -t step Right Right Right;      wait_for "forward 3 of 7";   show "→ → →"
tmux -L "$socket" send-keys -t step b Right Right Right;    wait_for "backward 3 of";    show "b → → →"
tmux -L "$socket" send-keys -t step End;                    wait_for "· gradient";       show "End"
tmux -L "$socket" send-keys -t step q;                      wait_for "tutor exited with"; show "q"
