#!/bin/bash
# Plays one Korean and one English practice session in a real terminal (tmux, 100×40) and saves
# what the trainee saw: docs/practice-ko.txt, docs/practice-en.txt (plain) and *.ansi.txt (colour).
# Usage: docs/capture-practice.sh [path/to/coach]   (default: .build/debug/coach; build it first)
set -euo pipefail
cd "$(dirname "$0")/.."
COACH=$(realpath "${1:-.build/debug/coach}")
WORK=$(mktemp -d)
trap 'tmux kill-session -t coach-capture 2>/dev/null || true; rm -rf "$WORK"' EXIT

wait_for() {  # polls the pane until the text appears (60 s at most)
  for _ in $(seq 1 300); do
    tmux capture-pane -t coach-capture -p -S - | grep -qF -- "$1" && { sleep 0.2; return 0; }
    sleep 0.2
  done
  echo "timed out waiting for: $1" >&2; return 1
}
send() { tmux send-keys -t coach-capture "$@"; sleep 0.2; }
start() {
  tmux kill-session -t coach-capture 2>/dev/null || true
  tmux new-session -d -s coach-capture -x 100 -y 40 \
    "env -u NO_COLOR -u COLUMNS '$COACH' practice --store '$WORK/progress.sqlite' $*; echo EXIT=\$?; sleep 600"
  tmux set -t coach-capture history-limit 5000 >/dev/null
}
save() {
  tmux capture-pane -t coach-capture -p -S - -E - | sed 's/[[:space:]]*$//' > "docs/$1.txt"
  tmux capture-pane -t coach-capture -p -e -S - -E - > "docs/$1.ansi.txt"
}

# Korean: name and scenario asked for, /hint, a reply over two lines, /retry of a weak reply.
start --seed 7
wait_for "Your name:"; send "김민지" Enter
wait_for "Choose a scenario"; send "late-delivery-angry" Enter
wait_for "reply 1/5"; send "/hint" Enter
wait_for "Hint"
send "김민수 님, 주문하신 운동화가 일주일째 출고되지 않아 정말 죄송합니다. 주말에 신으시려고 기다리셨을 텐데 많이 답답하셨겠어요." Enter
send "확인해 보니 저희 물류센터에서 출고가 누락되었습니다." Enter
send Enter
wait_for "reply 2/5"; send "내일 보내 드릴게요." Enter; send Enter
wait_for "Feedback on reply 2"; send "/retry" Enter
wait_for "Answer again"
send "오늘 오후 3시까지 가장 빠른 배송으로 다시 보내 드리고, 송장 번호를 문자로 보내 드리겠습니다. 내일 오전 중에 받으실 수 있습니다." Enter; send Enter
wait_for "(retried)"
send "네, 내일 오전까지 도착하도록 제가 직접 확인하겠습니다. 기다려 주셔서 감사합니다. 혹시 더 궁금하신 점이 있으시면 언제든 말씀해 주세요." Enter; send Enter
wait_for "EXIT="; save practice-ko

# English: /help, a weak reply and /retry with a pasted three-paragraph email, /hint.
start --seed 3 --language en
wait_for "Your name:"; send "Alex Kim" Enter
wait_for "Choose a scenario"; send "1" Enter
wait_for "reply 1/5"; send "/help" Enter
wait_for "How to answer"
send "We're sorry for any inconvenience this may have caused. We'll look into it." Enter; send Enter
wait_for "Feedback on reply 1"; send "/retry" Enter
wait_for "Answer again"
printf 'Dear Priya,\n\nI am so sorry — a blender should never fail after two weeks, let alone smell of burning. I can only imagine how alarming that was, especially with the kids waiting for breakfast.\n\nPlease keep it unplugged and do not use it again.\n\nBest regards,\nAlex' > "$WORK/paste.txt"
tmux load-buffer "$WORK/paste.txt"; tmux paste-buffer -t coach-capture; sleep 0.5
send Enter; send Enter
wait_for "(retried)"; send "/hint" Enter
wait_for "Offer choices"
send "You can choose: I'll ship you a brand-new ProBlend 600 today by express delivery, so it arrives by Thursday, or I'll refund the full \$140 to your card within 3 business days. Just reply with the option you prefer." Enter; send Enter
wait_for "reply 3/5"
send "I'll email you a prepaid return label today — just pop the old one in the box and drop it at any post office, at no cost to you. Thank you for letting us know about the fault; it helps us catch it for other customers too. Is there anything else I can help with?" Enter; send Enter
wait_for "EXIT="; save practice-en
echo "saved docs/practice-ko.txt docs/practice-en.txt (+ .ansi.txt)"
