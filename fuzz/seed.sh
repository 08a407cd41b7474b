#!/bin/sh
# Builds the seed corpora of the fuzz harnesses from the repository's own
# content: content/, the golden cases of tests/corpus and the fixtures of
# tests/fixtures.  Nothing of it is committed; it is made again on every
# run, so new content and test cases become seeds by themselves.
#
#   sh fuzz/seed.sh DIR      writes DIR/entity, DIR/guide, DIR/csv and
#                            DIR/render (run from the repository root)
#
# The seeds follow each harness's input format (see fuzz/fuzz_*.c):
#   entity  one byte naming the kind (its index in kind_dirs; the guide
#           kind's index, 8, for site.yaml), then the YAML file
#   guide   a guide's Markdown file, front matter included
#   csv     a CSV file (the first 8 KiB of larger ones)
#   render  texts cut at NUL bytes: each guide alone, and all of one
#           content tree's guides in one input
set -eu

dir=${1:?usage: seed.sh DIR}
rm -rf "$dir"
mkdir -p "$dir/entity" "$dir/guide" "$dir/csv" "$dir/render"

# The content trees: content/, every tests/corpus/*/content, every
# tests/fixtures/* that holds a site.yaml.
trees=content
for t in tests/corpus/*/content tests/fixtures/*; do
	[ -d "$t" ] && trees="$trees $t"
done

# A file name for a seed taken from path: its path with / as _.
seed_name() {
	printf '%s' "$1" | tr '/' '_'
}

# Files of more than 64 KiB say nothing a smaller one would not, and
# slow every run: they are left out (or cut, for CSV).
small() {
	[ "$(wc -c <"$1")" -le 65536 ]
}

n=0
for t in $trees; do
	k=0
	# The order of kind_dirs in src/model.c.
	for kd in actors groups services paths segments decisions maps flows \
	    guides areas themes models; do
		if [ "$kd" = guides ]; then
			files=$t/site.yaml
		else
			files=$(ls "$t/$kd"/*.yaml 2>/dev/null || true)
		fi
		for f in $files; do
			[ -f "$f" ] && [ ! -L "$f" ] && small "$f" || continue
			out=$dir/entity/$(seed_name "$f")
			{ printf "\\$(printf %03o "$k")"; cat "$f"; } >"$out"
			n=$((n + 1))
		done
		k=$((k + 1))
	done
	all=""
	for f in "$t"/guides/*.md; do
		[ -f "$f" ] && [ ! -L "$f" ] && small "$f" || continue
		cp "$f" "$dir/guide/$(seed_name "$f")"
		cp "$f" "$dir/render/$(seed_name "$f")"
		all="$all $f"
	done
	if [ -n "$all" ]; then
		# shellcheck disable=SC2086
		for f in $all; do cat "$f"; printf '\000'; done \
		    >"$dir/render/$(seed_name "$t")-all"
	fi
done
for f in $(find content tests -name '*.csv' -type f | sort); do
	head -c 8192 "$f" >"$dir/csv/$(seed_name "$f")"
done
echo "seeds: $n entity, $(ls "$dir/guide" | wc -l) guide," \
    "$(ls "$dir/csv" | wc -l) csv, $(ls "$dir/render" | wc -l) render"
