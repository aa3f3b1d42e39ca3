# SIKUBE - build, run, test, install.  `make run` and `make check` are the two commands to know.
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
DATADIR = $(PREFIX)/share/sikube
LOCALEDIR = $(PREFIX)/share/locale
MANDIR = $(PREFIX)/share/man/man1

CC ?= cc
PKGS = ncursesw formw menuw sqlite3 uuid nettle xlsxwriter
PKG_CFLAGS := $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
OPT ?= -O2 -g
BASE_CFLAGS = -std=c11 -Wall -Wextra -Werror -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
	-Iinclude $(PKG_CFLAGS) -DDATADIR='"$(DATADIR)"' -DLOCALEDIR='"$(LOCALEDIR)"' \
	-MMD -MP
LDLIBS = $(PKG_LIBS) -lcsv -lunistring

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
ALL_CFLAGS = $(BASE_CFLAGS) $(CFLAGS_V) $(CFLAGS)

CORE_SRC := $(filter-out src/main.c,$(wildcard src/*.c))
UI_SRC := $(wildcard src/ui/*.c) $(wildcard screens/*.c)
TEST_SRC := $(wildcard tests/test_*.c)
CORE_OBJ := $(CORE_SRC:%.c=$(B)/%.o)
UI_OBJ := $(UI_SRC:%.c=$(B)/%.o)
TEST_BIN := $(TEST_SRC:tests/%.c=$(B)/tests/%)
# Helper programs the test scripts drive (tests/robust_kill.sh).
TOOL_BIN := $(B)/tests/kill_saver
PO := $(wildcard po/*.po)
MO := $(PO:po/%.po=locale/%/LC_MESSAGES/sikube.mo)

ifeq ($(VARIANT),release)
BIN = sikube
else
BIN = $(B)/sikube
endif

.PHONY: all run check deps test-deps tests install uninstall clean bench cppcheck valgrind pot fuzz
all: $(BIN) $(MO)

$(BIN): $(B)/src/main.o $(B)/libcore.a $(UI_OBJ)
	$(CC) $(LDFLAGS_V) $(LDFLAGS) -o $@ $(B)/src/main.o $(UI_OBJ) $(B)/libcore.a $(LDLIBS)

$(B)/libcore.a: $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

# Only the UI toolkit and the screens see src/ui's headers; the core (src/*.c) builds without.
$(UI_OBJ): ALL_CFLAGS += -Isrc/ui

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/tests/%: tests/%.c tests/testlib.h $(B)/libcore.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_V) -Itests -o $@ $< $(B)/libcore.a $(LDLIBS)

tests: $(TEST_BIN) $(TOOL_BIN) $(B)/bench-gen

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

# Build everything (release and sanitizer builds) and run every test.
check: test-deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory VARIANT=asan all tests
	@sh tests/run_all.sh

# The unit tests of the plain build under valgrind (the sanitizer build cannot run there).
valgrind: all tests
	@for t in build/release/tests/test_*; do \
		SIKUBE_DATA_DIR=$(CURDIR) valgrind -q --leak-check=full --error-exitcode=9 $$t | tail -n 1 || exit 1; \
	done

$(B)/bench-gen: bench/gen.c $(B)/libcore.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_V) -o $@ $< $(B)/libcore.a $(LDLIBS)

# Benchmarks (see docs/performance.md): generate a kabupaten, then time the work against
# baselines measured in the same run.
bench: all $(B)/bench-gen
	@sh .ci/install-deps bench
	@sh bench/run.sh

# Refresh the message template and merge it into every catalog (msgids are Bahasa Indonesia).
pot:
	@mkdir -p po
	xgettext --from-code=UTF-8 -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 --add-comments=TRANSLATORS --package-name=sikube \
		--package-version=$$(sed -n 's/^#define SIKUBE_VERSION "\(.*\)"/\1/p' include/version.h) \
		-o po/sikube.pot $(sort $(CORE_SRC) src/main.c $(UI_SRC) $(wildcard include/*.h src/ui/*.h))
	for po in $(PO); do msgmerge -q --update --backup=none $$po po/sikube.pot; done

cppcheck:
	@echo "cppcheck src screens tests"
	@cppcheck --quiet --error-exitcode=1 --enable=warning,portability,style --inline-suppr \
		--suppress=missingIncludeSystem -Iinclude -Isrc/ui src screens tests bench

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/data $(DESTDIR)$(DATADIR)/sample-data $(DESTDIR)$(MANDIR)
	install -m 755 sikube $(DESTDIR)$(BINDIR)/sikube
	install -m 644 data/wilayah_kepmendagri_2025.csv data/wilayah_kepmendagri_2025.LICENSE $(DESTDIR)$(DATADIR)/data/
	install -m 644 sample-data/*.csv $(DESTDIR)$(DATADIR)/sample-data/
	install -m 644 docs/sikube.1 $(DESTDIR)$(MANDIR)/sikube.1
	for mo in $(MO); do l=$${mo#locale/}; install -D -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/sikube $(DESTDIR)$(MANDIR)/sikube.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build locale sikube tests/tmp

-include $(shell find build -name '*.d' 2>/dev/null)
