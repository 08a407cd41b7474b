# kartta: plain GNU make.  The user's CFLAGS, LDFLAGS, PREFIX and DESTDIR
# are respected; libraries are found with pkg-config.
#
#   make              build/kartta
#   make handbook     install missing Debian packages (as root), then
#                     build the tool and output/ from content/
#   make test         the whole suite, plainly and under ASan + UBSan,
#                     then the browser suite once (make test-browser)
#                     and each fuzzer briefly (make fuzz-smoke)
#   make bench        benchmarks (not part of the test suite): the flow
#                     audit and aggregation, and the national handbook
#   make fuzz         the libFuzzer harnesses, FUZZ_SECONDS each (clang)
#   make install      PREFIX=/usr/local DESTDIR=

VERSION = 0.1.0
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/kartta
MANDIR ?= $(PREFIX)/share/man

CC ?= cc
PKG_CONFIG ?= pkg-config
PKGS = libcmark-gfm libxml-2.0 libcgraph libgvc yaml-0.1 cairo libqrencode \
	libmicrohttpd

# SAN=1 builds everything into build-san/ with AddressSanitizer and
# UndefinedBehaviorSanitizer; the same test loop then runs against it.
FUZZ_CC ?= clang
ifeq ($(FUZZ),1)
# FUZZ=1 builds everything into build-fuzz/ with clang for libFuzzer:
# the library with coverage instrumentation and ASan + UBSan, the
# harnesses of fuzz/ linked with -fsanitize=fuzzer (make fuzz).
BUILD ?= build-fuzz
CC = $(FUZZ_CC)
SANFLAGS = -fsanitize=fuzzer-no-link,address,undefined \
	-fno-omit-frame-pointer -fno-sanitize-recover=all
CFLAGS ?= -O1 -g
else ifeq ($(SAN),1)
BUILD ?= build-san
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
CFLAGS ?= -O1 -g
else
BUILD ?= build
SANFLAGS =
CFLAGS ?= -O2 -g
endif

WARNFLAGS = -Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes \
	-Wwrite-strings -Wshadow
ALL_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
	-DKARTTA_VERSION='"$(VERSION)"' -DKARTTA_DATADIR='"$(DATADIR)"' \
	$(WARNFLAGS) $(SANFLAGS) $(CFLAGS) \
	$(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null) -MMD -MP
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)
# GLPK has no pkg-config file: -lglpk (src/audit.c alone uses it).
LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lglpk -lm -lpthread

# Search morphology (morph.c, stem.c): Voikko for Finnish and Snowball's
# libstemmer (no .pc file) for Swedish and English, each used when it is
# installed.  Without them kartta still builds and indexes words as they
# are written (Finnish falls back to Snowball).  NO_VOIKKO=1 or
# NO_STEMMER=1 builds without one even when it is there.
ifneq ($(NO_VOIKKO),1)
ifeq ($(shell $(PKG_CONFIG) --exists libvoikko 2>/dev/null && echo yes),yes)
ALL_CFLAGS += -DKARTTA_HAVE_VOIKKO $(shell $(PKG_CONFIG) --cflags libvoikko)
LIBS += $(shell $(PKG_CONFIG) --libs libvoikko)
endif
endif
ifneq ($(NO_STEMMER),1)
ifeq ($(shell printf '\043include <libstemmer.h>\n' | $(CC) -E -x c - >/dev/null 2>&1 && echo yes),yes)
ALL_CFLAGS += -DKARTTA_HAVE_STEMMER
LIBS += -lstemmer
endif
endif

SRC = $(sort $(wildcard src/*.c))
LIB_OBJ = $(patsubst src/%.c,$(BUILD)/obj/%.o,$(filter-out src/main.c,$(SRC)))
MAIN_OBJ = $(BUILD)/obj/main.o
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))
TOOL_SRC = $(sort $(wildcard tests/tools/*.c))
TOOL_BIN = $(patsubst tests/tools/%.c,$(BUILD)/tests/%,$(TOOL_SRC))
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 10
FUZZ_SRC = $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BIN = $(patsubst fuzz/%.c,$(BUILD)/fuzz/%,$(FUZZ_SRC))
CMOCKA_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

.PHONY: FORCE all handbook deps test-deps test test-plain test-san test-browser \
	check-units \
	bench bench-deps bench-flow bench-handbook install uninstall clean lint-man format sample-data \
	fuzz fuzz-build fuzz-bins fuzz-smoke

all: $(BUILD)/kartta

$(BUILD)/kartta: $(MAIN_OBJ) $(BUILD)/libkartta.a
	$(CC) $(ALL_LDFLAGS) -o $@ $(MAIN_OBJ) $(BUILD)/libkartta.a $(LIBS)

$(BUILD)/libkartta.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libkartta.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -Isrc -o $@ $< \
		$(BUILD)/libkartta.a $(ALL_LDFLAGS) $(LIBS) $(CMOCKA_LIBS)

$(BUILD)/tests/%: tests/tools/%.c $(BUILD)/libkartta.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< \
		$(BUILD)/libkartta.a $(ALL_LDFLAGS) $(LIBS)

$(BUILD)/obj/fuzz-scratch.o: fuzz/scratch.c fuzz/scratch.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Isrc -c -o $@ $<

$(BUILD)/fuzz/%: fuzz/%.c $(BUILD)/obj/fuzz-scratch.o $(BUILD)/libkartta.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Isrc -DFUZZ_THEME='"$(CURDIR)/themes/default"' \
		-fsanitize=fuzzer -o $@ $< $(BUILD)/obj/fuzz-scratch.o \
		$(BUILD)/libkartta.a $(ALL_LDFLAGS) $(LIBS)

# main.o has DATADIR compiled in: rebuild it when the value changes.
$(BUILD)/datadir.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@
$(MAIN_OBJ): $(BUILD)/datadir.stamp
FORCE:

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d)

deps:
	@sh tools/deps.sh build

test-deps:
	@sh tools/deps.sh test

bench-deps:
	@sh tools/deps.sh bench

handbook: deps
	$(MAKE) all
	./$(BUILD)/kartta build -c content -t themes/default -o output

# The whole suite: once plainly, once under sanitizers, by one loop.
test: test-deps
	$(MAKE) test-plain
	$(MAKE) test-san
	$(MAKE) test-browser
	$(MAKE) fuzz-smoke

# The browser suite (tests/browser/run.sh), once, against the plain
# build: axe-core and the Nu HTML Checker on every page of the default
# handbook, and Playwright tests in Debian's chromium.
test-browser: all
	sh tests/browser/run.sh $(BUILD)

test-plain: all $(UNIT_BIN) $(TOOL_BIN)
	sh tests/run.sh $(BUILD)

test-san:
	$(MAKE) SAN=1 test-plain

# The synthetic data set of the default handbook's flow example.
SAMPLE_DATA = content/data/asiakasvirrat-2025.csv
$(BUILD)/sample_flow: tools/sample_flow.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ tools/sample_flow.c $(ALL_LDFLAGS)

sample-data: $(BUILD)/sample_flow
	@mkdir -p $(dir $(SAMPLE_DATA))
	./$(BUILD)/sample_flow > $(SAMPLE_DATA)

# Fuzzing (fuzz/README.md): every harness of fuzz/ for FUZZ_SECONDS
# on its corpus in build-fuzz/fuzz/, seeded from content/ and
# tests/corpus by fuzz/seed.sh; a crash fails and is kept there.
# fuzz-smoke is the short run of `make test` (FUZZ_SMOKE_SECONDS each).
fuzz-bins: $(FUZZ_BIN)

fuzz-build:
	$(MAKE) FUZZ=1 fuzz-bins

fuzz: fuzz-build
	sh fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

fuzz-smoke: fuzz-build
	sh fuzz/run.sh build-fuzz $(FUZZ_SMOKE_SECONDS)

# Both benchmarks; `make bench-flow` or `make bench-handbook` runs one.
bench: bench-deps all
	sh bench/run.sh $(BUILD); flow=$$?; \
	sh bench/handbook.sh $(BUILD) && exit $$flow

bench-flow: bench-deps all
	sh bench/run.sh $(BUILD)

bench-handbook: bench-deps all
	sh bench/handbook.sh $(BUILD)

lint-man:
	mandoc -Tlint -Wwarning kartta.1

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BUILD)/kartta $(DESTDIR)$(BINDIR)/kartta
	install -m 644 kartta.1 $(DESTDIR)$(MANDIR)/man1/kartta.1
	cd themes && find default -type d -exec install -d \
		"$(DESTDIR)$(DATADIR)/themes/{}" \;
	cd themes && find default -type f -exec install -m 644 {} \
		"$(DESTDIR)$(DATADIR)/themes/{}" \;

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kartta $(DESTDIR)$(MANDIR)/man1/kartta.1
	rm -rf $(DESTDIR)$(DATADIR)

format:
	clang-format -i src/*.c src/*.h tests/unit/*.c

clean:
	rm -rf build build-san build-fuzz output
