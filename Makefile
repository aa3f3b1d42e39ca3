# SIKUBE - build, run, test, install.  `make run` and `make check` are the two commands to know.
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
DATADIR = $(PREFIX)/share/sikube
LOCALEDIR = $(PREFIX)/share/locale
MANDIR = $(PREFIX)/share/man/man1

CC ?= cc
PKG_CONFIG ?= pkg-config
# The libraries, by pkg-config name; .ci/check-libs maps each to its Debian -dev package.
PKGS = ncursesw formw menuw sqlite3 uuid nettle xlsxwriter icu-i18n libsodium
# libcsv ships no .pc file on Debian: its flags come from pkg-config when a libcsv.pc exists,
# else the plain -lcsv; .ci/check-libs checks that csv.h and the library are really there.
# Both can be set on the command line (CSV_CFLAGS=-I... CSV_LIBS="-L... -lcsv").
CSV_CFLAGS ?= $(call once,CSV_CFLAGS_,$(PKG_CONFIG) --cflags libcsv 2>/dev/null)
CSV_LIBS ?= $(call once,CSV_LIBS_,$(PKG_CONFIG) --libs libcsv 2>/dev/null || echo -lcsv)
# once VAR,COMMAND: COMMAND's output, run the first time it is needed (not when make only
# installs packages or cleans) and kept in VAR.
once = $(if $(filter undefined,$(origin $1)),$(eval $1 := $$(shell $2)))$($1)
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(call once,PKG_CFLAGS_,$(PKG_CONFIG) --cflags $(PKGS) $(HUB_PKGS)))
# libxlsxwriter is loaded by src/xlsx.c when a workbook is begun (dlopen), not linked: with
# the libcrypto it needs it cost every process 1.8 MB (docs/performance.md). Its headers are
# still needed; XLSX_SONAME is the library the linker would have taken.
XLSX_LIBS = -lxlsxwriter -lz
PKG_LIBS = $(filter-out $(XLSX_LIBS),$(call once,PKG_LIBS_,$(PKG_CONFIG) --libs $(PKGS)))
XLSX_SONAME = $(call once,XLSX_SONAME_,objdump -p $(shell $(CC) -print-file-name=libxlsxwriter.so) \
	2>/dev/null | sed -n 's/^ *SONAME *//p')
# The hub (sikube-hub, behind `sikube hub`) alone links libpq.
HUB_PKGS = libpq
HUB_LIBS = $(call once,HUB_LIBS_,$(PKG_CONFIG) --libs $(HUB_PKGS))
OPT ?= -O2 -g
# Warnings are errors for development and CI (`make check` and .ci/run set WERROR=1), not for
# a user's or a packager's plain `make` with a newer compiler than ours.
WERROR ?= 0
ifeq ($(WERROR),1)
WARN = -Wall -Wextra -Werror
else
WARN = -Wall -Wextra
endif
BASE_CFLAGS = -std=c11 $(WARN) -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
	-Iinclude -Ibuild/gen $(PKG_CFLAGS) $(CSV_CFLAGS) -DDATADIR='"$(DATADIR)"' \
	-DLOCALEDIR='"$(LOCALEDIR)"' -MMD -MP
LDLIBS = $(PKG_LIBS) $(CSV_LIBS) -lunistring

# Variant: release (./sikube), asan (build/asan/sikube, used by the tests) or fuzz (the
# libFuzzer target build/fuzz/fuzz_import, by clang).
VARIANT ?= release
ifeq ($(VARIANT),asan)
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
CFLAGS_V = -O1 -g $(SAN)
LDFLAGS_V = $(SAN)
else ifeq ($(VARIANT),fuzz)
# The libFuzzer target (tests/fuzz/fuzz_import.c): the core built by clang with coverage.
CC := clang
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
CFLAGS_V = -O1 -g $(SAN) -fsanitize=fuzzer-no-link
LDFLAGS_V = $(SAN)
else
CFLAGS_V = $(OPT)
LDFLAGS_V =
endif
B = build/$(VARIANT)
# CPPFLAGS (Debian's -D_FORTIFY_SOURCE=2, say) and CFLAGS from the environment or the command
# line come after ours, so a packager's choice wins.
ALL_CFLAGS = $(BASE_CFLAGS) $(CFLAGS_V) $(CPPFLAGS) $(CFLAGS)

HUB_SRC := $(wildcard src/hub_*.c) src/cli_hub.c
CORE_SRC := $(filter-out src/main.c src/hub_main.c $(HUB_SRC),$(wildcard src/*.c))
UI_SRC := $(wildcard src/ui/*.c) $(wildcard screens/*.c)
TEST_SRC := $(wildcard tests/test_*.c)
CORE_OBJ := $(CORE_SRC:%.c=$(B)/%.o)
HUB_OBJ := $(filter-out $(B)/src/hub_main.o,$(HUB_SRC:%.c=$(B)/%.o))
UI_OBJ := $(UI_SRC:%.c=$(B)/%.o)
TEST_BIN := $(TEST_SRC:tests/%.c=$(B)/tests/%)
# Helper programs the test scripts drive (tests/robust_kill.sh).
TOOL_BIN := $(B)/tests/kill_saver
PO := $(wildcard po/*.po)
MO := $(PO:po/%.po=locale/%/LC_MESSAGES/sikube.mo)

ifeq ($(VARIANT),release)
BIN = sikube
HUB_BIN = sikube-hub
else
BIN = $(B)/sikube
HUB_BIN = $(B)/sikube-hub
endif

.PHONY: all run check check-build check-build-release check-build-asan deps test-deps tests \
	install uninstall clean bench cppcheck valgrind pot fuzz tools
all: $(BIN) $(HUB_BIN) $(MO)

$(BIN): $(B)/src/main.o $(B)/libcore.a $(UI_OBJ)
	$(CC) $(LDFLAGS_V) $(LDFLAGS) -o $@ $(B)/src/main.o $(UI_OBJ) $(B)/libcore.a $(LDLIBS)

$(HUB_BIN): $(B)/src/hub_main.o $(B)/libhub.a $(B)/libcore.a
	$(CC) $(LDFLAGS_V) $(LDFLAGS) -o $@ $(B)/src/hub_main.o $(B)/libhub.a $(B)/libcore.a $(HUB_LIBS) $(LDLIBS)

$(B)/libcore.a: $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

# Only the UI toolkit and the screens see src/ui's headers; the core (src/*.c) builds without.
$(UI_OBJ): ALL_CFLAGS += -Isrc/ui
$(B)/src/xlsx.o: ALL_CFLAGS += $(if $(XLSX_SONAME),-DXLSX_SONAME='"$(XLSX_SONAME)"')

$(B)/libhub.a: $(HUB_OBJ)
	@rm -f $@
	ar rcs $@ $^

# The row structs and column descriptors of the tables (docs/HACKING.md): generated from the
# data file src/tables.tsv into build/gen (every variant shares it; -MMD adds it to each
# object's dependencies once it exists, the order-only prerequisite below makes it first;
# two makes at once, as check-build runs, each write their own file and rename it).
# Every generated header build/gen/NAME_gen.h: tools/gen_NAME.awk after tools/gen_lib.awk over
# its data file (its prerequisite outside tools/, given with each header below). Each make writes through
# a file of its own and renames it (check-build runs two makes at once on a clean tree).
AWK ?= awk
GEN_DIR = build/gen
$(GEN_DIR)/%_gen.h: tools/gen_%.awk tools/gen_lib.awk
	@mkdir -p $(dir $@)
	$(AWK) -f tools/gen_lib.awk -f tools/gen_$*.awk $(filter-out tools/%,$^) >$@.$$$$ && mv $@.$$$$ $@ || { rm -f $@.$$$$; exit 1; }

TABLES_GEN = build/gen/tables_gen.h
$(TABLES_GEN): src/tables.tsv

$(B)/%.o: %.c | $(B)/libs.ok $(TABLES_GEN)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The savings-and-loans rule families (docs/HACKING.md, "Rules in a data file"):
# src/check_rules_ledger.tab, written as C by tools/gen_check_rules.awk into build/gen (one
# folder for every variant, never committed; each build writes through a file of its own).
$(GEN_DIR)/check_rules_gen.h: src/check_rules_ledger.tab
$(B)/src/check_rules.o: $(GEN_DIR)/check_rules_gen.h

# Before the first compile of a build folder: stop early, naming the missing -dev package.
$(B)/libs.ok: Makefile
	@sh .ci/check-libs "$(CC)" "$(PKG_CONFIG)" "$(PKGS) $(HUB_PKGS)" "$(CPPFLAGS) $(CFLAGS) $(CSV_CFLAGS)" "$(CSV_LIBS)"
	@mkdir -p $(dir $@) && touch $@

$(B)/tests/%: tests/%.c tests/testlib.h $(B)/libcore.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_V) -Itests -o $@ $< $(B)/libcore.a $(LDLIBS)

# Unit tests of the screen toolkit (tests/test_ui_*.c) link the parts of it they test.
TEST_UI_OBJ := $(addprefix $(B)/src/ui/,frame.o text.o keys.o colors.o)
$(B)/tests/test_ui_%: tests/test_ui_%.c tests/testlib.h $(B)/libcore.a $(TEST_UI_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc/ui $(LDFLAGS_V) -Itests -o $@ $< $(TEST_UI_OBJ) $(B)/libcore.a $(LDLIBS)

# The screens' list columns (docs/HACKING.md, "Adding a list column"): screens/lists.tsv,
# written as C by tools/gen_lists.awk into build/gen (never committed); the screens, `make pot`
# and tests/test_ui_lists.c (with the English catalog) read the generated header. The release
# and sanitizer builds of `make check` may write it at once: each through a file of its own.
LISTS_GEN = build/gen/lists_gen.h
$(LISTS_GEN): screens/lists.tsv
$(UI_OBJ): | $(LISTS_GEN)
$(B)/tests/test_ui_lists: $(LISTS_GEN) $(MO)
pot cppcheck: $(LISTS_GEN)

# The screens' F1 help (docs/HACKING.md, "Changing a screen's help"): screens/help.txt, written
# as C (a HELP_<SECTION> msgid each) by tools/gen_help.awk into build/gen, as the lists above.
HELP_GEN = build/gen/help_gen.h
$(HELP_GEN): screens/help.txt
$(UI_OBJ): | $(HELP_GEN)
$(B)/tests/test_ui_help: $(HELP_GEN) $(MO)
pot cppcheck: $(HELP_GEN)

# The hub's unit test links the hub and libpq.
$(B)/tests/test_hub: tests/test_hub.c tests/testlib.h $(B)/libhub.a $(B)/libcore.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_V) -Itests -o $@ $< $(B)/libhub.a $(B)/libcore.a $(HUB_LIBS) $(LDLIBS)

tests: $(TEST_BIN) tools

# The programs the test scripts drive, without the unit tests.
tools: $(TOOL_BIN) $(B)/bench-gen

# The libFuzzer target over the import readers; tests/robust_fuzz.sh builds and runs it.
fuzz:
	@$(MAKE) --no-print-directory VARIANT=fuzz build/fuzz/fuzz_import

build/fuzz/fuzz_import: tests/fuzz/fuzz_import.c tests/testlib.h build/fuzz/libcore.a
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer $(LDFLAGS_V) -Itests -o $@ $< build/fuzz/libcore.a $(LDLIBS)

locale/%/LC_MESSAGES/sikube.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# Install missing Debian packages (apt-get when root, else print the command).
deps:
	@sh .ci/install-deps run

test-deps:
	@sh .ci/install-deps check

# Build, create the default database with the sample data when none exists, open the screens.
run: deps
	@$(MAKE) --no-print-directory all
	@db=$$(./sikube --print-db-path) && if [ ! -f "$$db" ]; then ./sikube init --sample; fi
	./sikube

# Build the release and sanitizer builds (warnings as errors, both cores) and run every test in
# parallel (tests/run_all.sh; the fuzzer build is one of them); prints the wall time at the end.
check: test-deps
	@start=$$(date +%s); \
	j=; case " $(MAKEFLAGS) " in *" -j"*) ;; *) j=-j$$(nproc 2>/dev/null || echo 2) ;; esac; \
	if $(MAKE) --no-print-directory $$j WERROR=1 check-build; then \
		CHECK_START=$$start sh tests/run_all.sh; \
	else echo "make check: the build failed after $$(($$(date +%s) - start)) s"; exit 1; fi

# The builds `make check` needs, side by side (one make per variant, sharing make's jobs).
# The fuzz target is built by tests/robust_fuzz.sh while the other tests run (the build is the
# part of `make check` where both cores are already busy).
check-build: check-build-release check-build-asan
# The release build's unit tests are only for valgrind: tests/lint_valgrind.sh builds the few
# it runs in `make check` (about 30 s of CPU less than building them all here).
check-build-release:
	@$(MAKE) --no-print-directory all tools
check-build-asan:
	@$(MAKE) --no-print-directory VARIANT=asan all tests

# Every unit test of the plain build under valgrind (the sanitizer build cannot run there);
# `make check` runs only a chosen few (tests/lint_valgrind.sh), the sanitizers cover the rest.
valgrind: all tests
	@VALGRIND_ALL=1 sh tests/lint_valgrind.sh

$(B)/bench-gen: bench/gen.c $(B)/libcore.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_V) -o $@ $< $(B)/libcore.a $(LDLIBS)

# Benchmarks (see docs/performance.md): generate a kabupaten, then time the work against
# baselines measured in the same run.
bench: all $(B)/bench-gen
	@sh .ci/install-deps bench
	@sh bench/run.sh

# Refresh the message template and merge it into every catalog (msgids are Bahasa Indonesia).
pot: $(GEN_DIR)/check_rules_gen.h
	@mkdir -p po
	xgettext --from-code=UTF-8 -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 --add-comments=TRANSLATORS --package-name=sikube \
		--package-version=$$(sed -n 's/^#define SIKUBE_VERSION "\(.*\)"/\1/p' include/version.h) \
		-o po/sikube.pot $(sort $(CORE_SRC) $(HUB_SRC) src/main.c src/hub_main.c $(UI_SRC) $(wildcard include/*.h src/ui/*.h)) $(LISTS_GEN) $(HELP_GEN) $(GEN_DIR)/check_rules_gen.h
	for po in $(PO); do msgmerge -q --update --backup=none $$po po/sikube.pot; done

cppcheck: $(TABLES_GEN) $(GEN_DIR)/check_rules_gen.h
	@echo "cppcheck src screens tests"
	@cppcheck --quiet --error-exitcode=1 --enable=warning,portability,style --inline-suppr \
		--suppress=missingIncludeSystem -Iinclude -Ibuild/gen -Isrc/ui src screens tests bench

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/data $(DESTDIR)$(DATADIR)/sample-data $(DESTDIR)$(MANDIR)
	install -m 755 sikube sikube-hub $(DESTDIR)$(BINDIR)/
	install -m 644 LICENSE $(DESTDIR)$(DATADIR)/LICENSE
	install -m 644 data/wilayah_kepmendagri_2025.csv data/wilayah_kepmendagri_2025.LICENSE $(DESTDIR)$(DATADIR)/data/
	install -m 644 sample-data/*.csv $(DESTDIR)$(DATADIR)/sample-data/
	install -m 644 docs/sikube.1 $(DESTDIR)$(MANDIR)/sikube.1
	for mo in $(MO); do l=$${mo#locale/}; install -D -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/sikube $(DESTDIR)$(BINDIR)/sikube-hub $(DESTDIR)$(MANDIR)/sikube.1
	rm -rf $(DESTDIR)$(DATADIR)
	for mo in $(MO); do l=$${mo#locale/}; rm -f $(DESTDIR)$(LOCALEDIR)/$$l; done

clean:
	rm -rf build locale sikube sikube-hub tests/tmp

-include $(shell find build -name '*.d' 2>/dev/null)
