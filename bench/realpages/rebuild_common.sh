# Sourced by the rebuild_repo_pages*.sh scripts: where the pages go, where the repository
# snapshots are, and the two helpers every script uses.
OUT=${OUT:-"$(dirname "$0")/pages"}  # the git-ignored page folder
MIR=${MIR:-/work/.mirror}  # where the search tool's `fetch` leaves the snapshots
mkdir -p "$OUT"
# gd <owner+repo>: the snapshot's git directory (a bare one, or a work tree's .git)
gd(){ local d="$MIR/$1/repo"; [ -d "$d/.git" ] && d="$d/.git"; echo "$d"; }
# show <owner+repo> <commit> <path> <outfile>   (raw bytes, original encoding kept)
show(){ git --git-dir="$(gd "$1")" show "$2:$3" > "$OUT/$4"; }
