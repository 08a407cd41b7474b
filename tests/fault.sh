#!/bin/sh
# The fault suite (issue #13): what a careless, hurried or hostile use
# of kartta must never do.  The data-loss cases come first: an output
# folder that is, holds or lies inside the content or the theme, or a
# folder of the user's own.  Then symbolic links out of the trees and
# special files where kartta reads, then signals and concurrent builds.
#
#   sh tests/fault.sh BUILD
#
# Run from the repository root.  Prints "PASS name", "FAIL name" (with
# the reasons indented below) or "SKIP name: why" per test; exits 1 if
# any failed.  Every kartta run is under `timeout`, so that a regression
# into a hang fails instead of stopping the suite.
set -u

suite=fault
build=${1:?usage: fault.sh BUILD}
. tests/lib.sh
root=$PWD
theme=$root/themes/default
fixture=$root/tests/fixtures/full

# listing DIR: every file below DIR with its checksum, and every link
# and folder, so that any change shows.
listing() {
	(cd "$1" && find . -printf '%y %p %l\n' | sort &&
	    find . -type f -exec cksum {} + | sort)
}

# same DIR BEFORE WHAT: DIR must still list as BEFORE.
same() {
	listing "$1" >"$tmp/after"
	if ! diff -u "$2" "$tmp/after" >"$tmp/d"; then
		fail "$3 changed:"
		sed 's/^/      /' "$tmp/d" | head -n 20 >>"$tmp/why"
	fi
}

# eq ACTUAL EXPECTED WHAT
eq() {
	[ "$1" = "$2" ] || fail "$3: got \"$1\", expected \"$2\""
}

# said TEXT: standard error of the last run must hold TEXT.
said() {
	grep -qF -- "$1" "$tmp/err" || {
		fail "no \"$1\" in the message:"
		head -n 5 "$tmp/err" | sed 's/^/      /' >>"$tmp/why"
	}
}

# debris DIR: nothing but NAMES... may be in DIR (hidden files count).
debris() {
	dir=$1
	shift
	left=$(cd "$dir" && for f in * .*; do
		case $f in .|..|'*'|'.*') continue ;; esac
		keep=0
		for n in "$@"; do [ "$f" = "$n" ] && keep=1; done
		[ $keep = 0 ] && printf '%s ' "$f"
	done)
	[ -z "$left" ] || fail "left beside the output: $left"
}

# A fresh work folder: $w/content (a copy of the full fixture),
# $w/themes/default (a copy of the theme) and the user's own notes.
fresh() {
	w=$tmp/$1
	rm -rf "$w"
	mkdir -p "$w/themes"
	cp -R "$fixture" "$w/content"
	cp -R "$theme" "$w/themes/default"
	echo "my own notes" >"$w/notes.txt"
	listing "$w" >"$tmp/before"
}

# ---------------------------------------------------------------------
# Data loss: the output is, holds or lies inside what kartta reads.

# kin DIR STATUS ARGS...: k, run in DIR (not in a subshell, so that a
# failure counts).
kin() {
	cd "$1" || exit 3
	shift
	k "$@"
	cd "$root" || exit 3
}

# refused_in DIR ARGS...: kartta run in DIR must exit 2 and change
# nothing in the work folder.
refused_in() {
	dir=$1
	shift
	kin "$dir" 2 "$@"
	same "$w" "$tmp/before" "the work folder"
}

begin output-is-content
fresh is-content
refused_in "$w" build -c content -t themes/default -o content
said "refused: the output folder is the content folder"
end

begin output-inside-content
fresh inside-content
refused_in "$w" build -c content -t themes/default -o content/services
said "is inside the content folder"
end

begin output-is-theme
fresh is-theme
refused_in "$w" build -c content -t themes/default -o themes/default
said "is the theme folder"
end

begin output-holds-theme
fresh holds-theme
refused_in "$w" build -c content -t themes/default -o themes
said "would hold the theme folder"
end

begin output-dot-holds-content
fresh dot
refused_in "$w" build -c content -t themes/default -o .
said "would hold the content folder"
end

begin output-dotdot-holds-content
fresh dotdot
mkdir -p "$w/content/services/x"
listing "$w" >"$tmp/before"
refused_in "$w/content/services/x" build -c ../.. -t ../../../themes/default -o ../../..
said "would hold the content folder"
end

# After resolving ".." and links: the same folder by another name.
begin output-content-by-other-names
fresh names
ln -s content "$w/alias"
listing "$w" >"$tmp/before"
for o in content/ content// ./content content/../content alias alias/ \
    content/services/.. "$w/content"; do
	refused_in "$w" build -c content -t themes/default -o "$o"
	said "the content folder"
done
refused_in "$w" build -c alias -t themes/default -o content/guides
said "is inside the content folder"
end

# A folder of the user's own, in the style of -o ~/Documents.
begin output-foreign-folder
fresh foreign
mkdir -p "$w/Documents/letters"
echo "dear" >"$w/Documents/letters/a.txt"
echo "todo" >"$w/Documents/todo.txt"
listing "$w" >"$tmp/before"
refused_in "$w" build -c content -t themes/default -o Documents
said "holds \"letters\", which kartta did not write"
said "give a new or empty folder with -o"
refused_in "$w" build -c content -t themes/default -o Documents/
end

# A folder with only kartta's own names but no index.html and theme/ is
# not a handbook either: a folder of the user's named "services".
begin output-foreign-with-kartta-names
fresh foreign-names
mkdir -p "$w/mine/services"
echo "x" >"$w/mine/services/x.txt"
listing "$w" >"$tmp/before"
refused_in "$w" build -c content -t themes/default -o mine
said "is not a handbook kartta wrote"
end

begin output-is-a-file
fresh file
refused_in "$w" build -c content -t themes/default -o notes.txt
said "this is a file, not a folder"
end

# An empty folder, then the marked output: trailing slashes work.
begin output-trailing-slash
fresh slash
kin "$w" 0 build -q -c content -t themes/default -o out/
[ -f "$w/out/index.html" ] || fail "no out/index.html"
[ -f "$w/out/.kartta-output" ] || fail "no marker in out/"
kin "$w" 0 build -q -c content -t themes/default -o out//
mkdir "$w/empty"
kin "$w" 0 build -q -c content -t themes/default -o empty/
[ -f "$w/empty/index.html" ] || fail "the empty folder was not built into"
debris "$w" content themes notes.txt out empty
end

# An output of kartta before the marker is recognised by its own files
# once, and marked; with a file of the user's in it, it is refused.
begin output-legacy
fresh legacy
kin "$w" 0 build -q -c content -t themes/default -o out
rm -f "$w/out/.kartta-output"
kin "$w" 0 build -q -c content -t themes/default -o out
[ -f "$w/out/.kartta-output" ] || fail "the legacy output was not marked"
rm -f "$w/out/.kartta-output"
echo "mine" >"$w/out/mine.txt"
listing "$w" >"$tmp/before"
refused_in "$w" build -c content -t themes/default -o out
said "holds \"mine.txt\""
end

# A link to an output folder is that folder: it is built there, the
# link stays.
begin output-through-link
fresh link
mkdir "$w/real"
ln -s real "$w/out"
kin "$w" 0 build -q -c content -t themes/default -o out
[ -L "$w/out" ] || fail "the link was replaced"
[ -f "$w/real/index.html" ] || fail "not built into the link's folder"
debris "$w" content themes notes.txt out real
end

# export -o: never a folder, a link, or a file of the content; a
# regular file elsewhere is replaced.
begin export-refuses-content-file
fresh export
refused_in "$w" export map:verkosto -c content -f svg -o content/site.yaml
said "is inside the content folder"
refused_in "$w" export map:verkosto -c content -f svg -o content/services/../site.yaml
refused_in "$w" export map:verkosto -c content -o content/maps/verkosto.svg
mkdir "$w/pics.svg"
ln -s notes.txt "$w/link.svg"
listing "$w" >"$tmp/before"
refused_in "$w" export map:verkosto -c content -o pics.svg
said "this is a folder"
refused_in "$w" export map:verkosto -c content -o link.svg
said "this is a symbolic link"
echo "old picture" >"$w/map.svg"
kin "$w" 0 export map:verkosto -c content -o map.svg
grep -q '<svg' "$w/map.svg" || fail "an existing map.svg was not replaced"
end

# init never writes into a folder that holds anything.
begin init-refuses-non-empty
fresh init
refused_in "$w" init content
refused_in "$w" init .
end

# ---------------------------------------------------------------------
# Links out of the trees: never followed, never published.  Links
# inside the tree are fine.
secret=$tmp/secret
mkdir -p "$secret"
printf 'name: Salainen\ngroup: alku\nproviders: [keskus]\nsummary: salaisuus-9f3\n' \
    >"$secret/salainen.yaml"
printf -- '---\ntitle: Salainen\n---\nsalaisuus-9f3\n' >"$secret/salainen.md"
echo "salaisuus-9f3" >"$secret/passwd"
cp "$fixture/site.yaml" "$secret/site.yaml"

# leaks DIR: no file below DIR may hold the secret.
leaks() {
	if [ -d "$1" ] && grep -rlq "salaisuus-9f3" "$1"; then
		fail "the secret was published: $(grep -rl salaisuus-9f3 "$1" | head -n 3 | tr '\n' ' ')"
	fi
}

begin link-out-entity
fresh link-entity
ln -s "$secret/salainen.yaml" "$w/content/services/salainen.yaml"
kin "$w" 1 build -q -c content -t themes/default -o out
said "services/salainen.yaml:1:1: error: is a symbolic link out of the content folder"
leaks "$w/out"
end

begin link-out-guide
fresh link-guide
ln -s "$secret/salainen.md" "$w/content/guides/salainen.md"
kin "$w" 1 build -q -c content -t themes/default -o out
said "guides/salainen.md:1:1: error: is a symbolic link out of the content folder"
end

begin link-out-site-yaml
fresh link-site
rm "$w/content/site.yaml"
ln -s "$secret/site.yaml" "$w/content/site.yaml"
kin "$w" 1 check -c content
said "site.yaml:1:1: error: is a symbolic link out of the content folder"
end

begin link-out-kind-folder
fresh link-folder
mkdir "$w/elsewhere"
mv "$w/content/services"/* "$w/elsewhere/"
rmdir "$w/content/services"
ln -s "$w/elsewhere" "$w/content/services"
kin "$w" 1 check -c content
said "content/services:1:1: error: is a symbolic link out of the content folder"
end

begin link-out-assets-folder
fresh link-assets
rm -r "$w/content/assets"
ln -s "$secret" "$w/content/assets"
kin "$w" 1 build -q -c content -t themes/default -o out
said "refused: assets/ is a symbolic link out of the content folder"
[ -e "$w/out" ] && fail "an output was written"
leaks "$w"/out
end

begin link-out-in-assets
fresh link-in-assets
ln -s "$secret/passwd" "$w/content/assets/passwd"
ln -s "$secret" "$w/content/assets/more"
kin "$w" 0 build -q -c content -t themes/default -o out
said "assets/passwd:1:1: warning: not copied: is a symbolic link out of the content folder"
said "assets/more:1:1: warning: symbolic link to a folder not copied"
leaks "$w/out"
[ -e "$w/out/assets/passwd" ] && fail "assets/passwd was published"
end

begin link-out-theme
fresh link-theme
ln -s "$secret/passwd" "$w/themes/default/extra.css"
kin "$w" 0 build -q -c content -t themes/default -o out
said "extra.css:1:1: warning: not copied: is a symbolic link out of the theme folder"
leaks "$w/out"
mv "$w/themes/default/page.xhtml" "$secret/page.xhtml"
ln -s "$secret/page.xhtml" "$w/themes/default/page.xhtml"
kin "$w" 3 build -q -c content -t themes/default -o out2
said "page.xhtml:1:1: error: the theme's page template: is a symbolic link out of the theme folder"
end

# A link inside the tree is followed: an asset linked to another.
begin link-inside-tree
fresh link-inside
ln -s logo.png "$w/content/assets/logo-again.png"
ln -s ../services/tyokokeilu.yaml "$w/content/assets/copy.yaml"
kin "$w" 0 build -q -c content -t themes/default -o out
cmp -s "$w/content/assets/logo.png" "$w/out/assets/logo-again.png" ||
    fail "a link inside the content was not copied as its file"
[ -L "$w/out/assets/logo-again.png" ] && fail "the link itself was published"
end

# ---------------------------------------------------------------------
# Special files where kartta reads: an error at the file, never a hang.
for f in services/x.yaml guides/x.md site.yaml theme:page.xhtml data/x.csv; do
	begin "fifo-$(echo "$f" | tr ':/' '--')"
	fresh fifo
	case $f in
	theme:*) p=$w/themes/default/${f#theme:}; rm -f "$p" ;;
	site.yaml) p=$w/content/$f; rm -f "$p" ;;
	*) p=$w/content/$f ;;
	esac
	mkfifo "$p"
	case $f in
	theme:*) want=3 ;;
	*) want=1 ;;
	esac
	if [ "$f" = data/x.csv ]; then
		sed -i 's|^source:.*|source: data/x.csv|' "$w/content/flows/kulku.yaml"
	fi
	k_timeout=20
	kin "$w" $want build -q -c content -t themes/default -o out
	k_timeout=120
	[ "$f" = data/x.csv ] || said "${f#theme:}:1:1: error: "
	grep -q "FIFO\|not a file" "$tmp/err" || fail "no word of a FIFO"
	[ -e "$w/out" ] && fail "an output was written"
	end
done

begin fifo-in-assets
fresh fifo-assets
mkfifo "$w/content/assets/pipe.png"
kin "$w" 0 build -q -c content -t themes/default -o out
said "assets/pipe.png:1:1: warning: not copied"
end

# ---------------------------------------------------------------------
# Signals and concurrent builds.  A build slow enough to be caught while
# it writes its staging folder: the full fixture with 100 services more
# (about two seconds plainly, more under the sanitizers).  No hook in
# kartta: the suite waits until the staging folder appears, stops the
# build with SIGSTOP, looks, then sends the signal and SIGCONT.
big=$tmp/big
cp -R "$fixture" "$big"
i=1
while [ $i -le 100 ]; do
	sed "s/Kyläpalvelu/Palvelu $i/; s/Bytjänst/Tjänst $i/" \
	    "$fixture/services/kylapalvelu.yaml" >"$big/services/p$i.yaml"
	i=$((i + 1))
done

# staging OUT: the staging folders beside OUT, one a line.
staging() {
	for s in "$1".staging-*; do
		[ -d "$s" ] && printf '%s\n' "$s"
	done
}

# caught OUT: starts a build of $big into OUT in the background ($bpid)
# and stops it once its staging folder exists.  Returns 1 (after fail)
# if the build ended first or no staging folder appeared in 120 s.
caught() {
	# A background job of a shell without job control ignores SIGINT;
	# kartta keeps ignored signals ignored, so give it the default.
	env --default-signal=INT "$kartta" build -q -c "$big" -t "$theme" \
	    -o "$1" >"$tmp/out" 2>"$tmp/err" &
	bpid=$!
	n=0
	while [ $n -lt 12000 ]; do
		if [ -n "$(staging "$1")" ]; then
			kill -STOP $bpid
			return 0
		fi
		if ! kill -0 $bpid 2>/dev/null; then
			fail "the build ended before it could be caught staging"
			wait $bpid
			return 1
		fi
		sleep 0.01
		n=$((n + 1))
	done
	fail "no staging folder in 120 s"
	kill -KILL $bpid
	wait $bpid
	return 1
}

for sig in INT TERM HUP; do
	begin "signal-$sig-removes-staging"
	d=$tmp/sig-$sig
	mkdir -p "$d"
	k 0 build -q -c "$fixture" -t "$theme" -o "$d/out"
	listing "$d/out" >"$tmp/before"
	if caught "$d/out"; then
		kill -$sig $bpid
		kill -CONT $bpid
		wait $bpid
		got=$?
		case $sig in INT) want=130 ;; TERM) want=143 ;; HUP) want=129 ;; esac
		eq "$got" "$want" "exit status after SIG$sig"
		grep -q "$SANITIZER_PATTERN" "$tmp/err" &&
		    fail "sanitizer report after SIG$sig"
		said "interrupted"
		same "$d/out" "$tmp/before" "the old output"
		debris "$d" out
	fi
	end
done

# SIGKILL cannot be caught: the next build into the same output removes
# what it left, but only folders with kartta's names and marker.
begin signal-KILL-leftovers-removed-by-next-build
d=$tmp/sig-KILL
mkdir -p "$d"
k 0 build -q -c "$fixture" -t "$theme" -o "$d/out"
if caught "$d/out"; then
	kill -KILL $bpid
	wait $bpid
	[ -n "$(staging "$d/out")" ] ||
	    fail "SIGKILL left no staging folder (the test saw nothing)"
	# Look-alikes that are not kartta's: no marker, another name, a
	# marker that is a link, a file.
	mkdir "$d/out.staging-mine00" "$d/out.old-mine01" \
	    "$d/out.staging-toolong7" "$d/out.staging-linked" \
	    "$d/out.staging-empty0" "$d/out.staging-empty1"
	printf 'kartta out' >"$d/out.staging-empty1/.kartta-output"
	echo "mine" >"$d/out.staging-mine00/keep.txt"
	echo "mine" >"$d/out.old-mine01/keep.txt"
	cp "$d/out/.kartta-output" "$d/out.staging-toolong7/"
	ln -s "$d/out/.kartta-output" "$d/out.staging-linked/.kartta-output"
	echo "mine" >"$d/out.old-file00"
	k 0 build -q -c "$fixture" -t "$theme" -o "$d/out"
	debris "$d" out out.staging-mine00 out.old-mine01 \
	    out.staging-toolong7 out.staging-linked out.old-file00
	# (out.staging-empty0 and -empty1 are gone: an empty folder of
	# kartta's name, or one with a part of the marker, is what a build
	# killed before it had written its marker leaves.)
	[ -f "$d/out.staging-mine00/keep.txt" ] ||
	    fail "a folder without the marker was emptied"
fi
end

# An old output that cannot be removed is told about, and so is its
# leftover at the next build, which removes it once it can.  As root a
# file is made immutable (chattr +i); otherwise a folder read-only.
begin old-output-not-removable-warns
d=$tmp/stuck
mkdir -p "$d"
k 0 build -q -c "$fixture" -t "$theme" -o "$d/out"
stuck=""
if [ "$(id -u)" != 0 ]; then
	chmod 0555 "$d/out/services" && stuck=chmod
elif command -v chattr >/dev/null && chattr +i "$d/out/index.html" 2>/dev/null; then
	stuck=chattr
fi
# unstick: undoes either, wherever the file has moved to.
unstick() {
	if [ "$stuck" = chattr ]; then
		find "$d" -name index.html -exec chattr -i {} + 2>/dev/null
	fi
	chmod -R u+w "$d"
}
if [ -n "$stuck" ]; then
	k 0 build -q -c "$fixture" -t "$theme" -o "$d/out"
	said "the old output could not be removed entirely"
	[ -n "$(ls -d "$d"/out.old-* 2>/dev/null)" ] ||
	    fail "no old output left (the test made nothing stick)"
	k 0 build -q -c "$fixture" -t "$theme" -o "$d/out"
	said "cannot remove this folder an earlier build left"
	unstick
	k 0 build -q -c "$fixture" -t "$theme" -o "$d/out"
	debris "$d" out
	end
else
	skip old-output-not-removable-warns "cannot make a file stick here"
fi
unstick

# Twenty builds into one output at once: each one either builds (0) or
# finds another holding the lock (3); nothing is left beside the output
# and the output is whole.
begin concurrent-builds
d=$tmp/many
mkdir -p "$d"
n=0
pids=""
while [ $n -lt 20 ]; do
	timeout -k 10 300 "$kartta" build -q -c "$fixture" -t "$theme" -o "$d/out" \
	    >"$tmp/many-$n.out" 2>"$tmp/many-$n.err" &
	pids="$pids $!"
	n=$((n + 1))
done
n=0
ok=0
for p in $pids; do
	wait $p
	rc=$?
	case $rc in
	0) ok=$((ok + 1)) ;;
	3) grep -q "another kartta build is writing this output" \
	    "$tmp/many-$n.err" || fail "build $n: status 3 without the lock message" ;;
	*) fail "build $n exited $rc:"
	   head -n 5 "$tmp/many-$n.err" | sed 's/^/      /' >>"$tmp/why" ;;
	esac
	grep -q "$SANITIZER_PATTERN" "$tmp/many-$n.err" &&
	    fail "sanitizer report from build $n"
	n=$((n + 1))
done
[ $ok -ge 1 ] || fail "none of the 20 builds succeeded"
debris "$d" out
[ -f "$d/out/index.html" ] && [ -f "$d/out/.kartta-output" ] ||
    fail "the output is not whole"
end

[ $anyfail = 0 ]
