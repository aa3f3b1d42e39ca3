/* testlib.h - a tiny test harness: CHECK records a result, testlib_summary prints the line
 * `N passed, N failed` and returns the process exit status. */
#ifndef SK_TESTLIB_H
#define SK_TESTLIB_H

#include <libintl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int testlib_passed, testlib_failed;

#define CHECK(cond, name)                                                               \
	do {                                                                            \
		if (cond) {                                                             \
			testlib_passed++;                                               \
		} else {                                                                \
			testlib_failed++;                                               \
			printf("not ok - %s (%s:%d: %s)\n", name, __FILE__, __LINE__, #cond); \
		}                                                                       \
	} while (0)

#define CHECK_STR(a, b, name) CHECK(strcmp((a), (b)) == 0, name)

static inline int testlib_summary(void)
{
	printf("%d passed, %d failed\n", testlib_passed, testlib_failed);
	return testlib_failed ? 1 : 0;
}

/* Point gettext at the catalog built in this tree (locale/ under $SIKUBE_DATA_DIR, else the
 * current folder), for tests of the English texts. Returns 0, or -1 when it is not there. */
static inline int testlib_built_catalog(void)
{
	const char *top = getenv("SIKUBE_DATA_DIR");
	char path[PATH_MAX], abs[PATH_MAX];
	snprintf(path, sizeof path, "%s/locale", top && *top ? top : ".");
	if (!realpath(path, abs))
		return -1;
	bindtextdomain("sikube", abs);
	return 0;
}

/* A fresh temporary folder for this test (under $TMPDIR or /tmp); path into out. */
static inline void testlib_tmpdir(char *out, size_t n)
{
	const char *base = getenv("TMPDIR");
	snprintf(out, n, "%s/sikube-test-XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(out)) {
		perror("mkdtemp");
		exit(2);
	}
}

#endif
