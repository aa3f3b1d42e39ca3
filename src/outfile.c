/* outfile.c - user files written under an exclusive temporary name, renamed when complete. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "i18n.h"
#include "outfile.h"
#include "util.h"

/* What SQLite keeps beside a database file it writes. */
static const char *const SIDE[] = { "", "-journal", "-wal", "-shm" };

static int io_error(const sk_outfile *o, const char *name, int err, sk_err *e)
{
	return sk_err_set(e, SK_IOERR, _("Berkas %s/%s tidak dapat ditulis: %s"), o->dir, name,
			  strerror(err));
}

int outfile_open(sk_outfile *o, int dirfd, const char *dir, const char *name, int hidden,
		 sk_err *e)
{
	memset(o, 0, sizeof *o);
	o->dirfd = dirfd;
	if (sk_strlcpy(o->dir, dir, sizeof o->dir) || sk_strlcpy(o->name, name, sizeof o->name) ||
	    strlen(name) + 32 >= sizeof o->tmp)
		return sk_err_set(e, SK_IOERR, _("Nama berkas terlalu panjang: %s/%s"), dir, name);
	for (int tries = 0; tries < 16; tries++) {
		char rnd[SK_UUID_LEN + 1];
		sk_uuid_new(rnd);
		snprintf(o->tmp, sizeof o->tmp, "%s%s.tmp-%ld-%.8s", hidden ? "." : "", name,
			 (long)getpid(), rnd);
		int fd = openat(dirfd, o->tmp, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
				0600);
		if (fd < 0 && errno == EEXIST)
			continue;
		if (fd < 0)
			break;
		o->f = fdopen(fd, "w+");
		if (o->f)
			return SK_OK;
		int err = errno;
		close(fd);
		unlinkat(dirfd, o->tmp, 0);
		errno = err;
		break;
	}
	int rc = io_error(o, name, errno ? errno : EEXIST, e);
	o->tmp[0] = '\0';
	return rc;
}

int outfile_open_path(sk_outfile *o, const char *path, int hidden, sk_err *e)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	const char *name = slash ? slash + 1 : path;
	memset(o, 0, sizeof *o);
	if (!*name || strlen(path) >= sizeof dir)
		return sk_err_set(e, SK_IOERR, _("Nama berkas tidak sah: %s"), path);
	if (slash == path)
		strcpy(dir, "/");
	else if (slash)
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	else
		strcpy(dir, ".");
	int dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0)
		return sk_err_set(e, SK_IOERR, _("Folder %s tidak dapat dibuka: %s"), dir,
				  strerror(errno));
	int rc = outfile_open(o, dirfd, dir, name, hidden, e);
	if (rc != SK_OK) {
		close(dirfd);
		return rc;
	}
	o->own_dir = 1;
	return SK_OK;
}

int outfile_temp_path(const sk_outfile *o, char *out, size_t n)
{
	int len = snprintf(out, n, "%s/%s", o->dir, o->tmp);
	return len < 0 || (size_t)len >= n ? -1 : 0;
}

int outfile_close_stream(sk_outfile *o, sk_err *e)
{
	if (!o->f)
		return SK_OK;
	int bad = fflush(o->f) != 0 || ferror(o->f);
	int err = errno;
	if (fclose(o->f) != 0 && !bad)
		bad = 1, err = errno;
	o->f = NULL;
	return bad ? io_error(o, o->tmp, err, e) : SK_OK;
}

static void close_dir(sk_outfile *o)
{
	if (o->own_dir && o->dirfd >= 0)
		close(o->dirfd);
	o->own_dir = 0;
	o->dirfd = -1;
}

int outfile_commit(sk_outfile *o, sk_err *e)
{
	int rc = SK_OK;
	if (o->f) {
		int bad = fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0;
		int err = errno;
		if (fclose(o->f) != 0 && !bad)
			bad = 1, err = errno;
		o->f = NULL;
		if (bad)
			rc = io_error(o, o->name, err, e);
	}
	if (rc == SK_OK && renameat(o->dirfd, o->tmp, o->dirfd, o->name) != 0)
		rc = io_error(o, o->name, errno, e);
	if (rc != SK_OK)
		outfile_abort(o);
	o->tmp[0] = '\0';
	close_dir(o);
	return rc;
}

void outfile_abort(sk_outfile *o)
{
	if (o->f)
		fclose(o->f);
	o->f = NULL;
	for (size_t i = 0; o->tmp[0] && i < sizeof SIDE / sizeof SIDE[0]; i++) {
		char side[300];
		snprintf(side, sizeof side, "%s%s", o->tmp, SIDE[i]);
		unlinkat(o->dirfd, side, 0);
	}
	o->tmp[0] = '\0';
	close_dir(o);
}

/* 1 when entry is a temporary file of name: [.]NAME.tmp-PID[-...]; its PID into *pid. */
static int temp_of(const char *entry, const char *name, long *pid)
{
	size_t len = strlen(name);
	if (*entry == '.' && strncmp(entry + 1, name, len) == 0 && strncmp(entry + 1 + len, ".tmp", 4) == 0)
		entry++;
	if (strncmp(entry, name, len) != 0 || strncmp(entry + len, ".tmp", 4) != 0)
		return 0;
	const char *p = entry + len + 4;
	*pid = 0;
	if (*p == '\0')
		return 1; /* .NAME.tmp of older versions */
	if (*p != '-')
		return 0;
	char *end;
	*pid = strtol(p + 1, &end, 10);
	return *pid > 0 && (*end == '\0' || *end == '-');
}

int outfile_stale_temp(const char *entry, const char *name)
{
	long pid;
	return temp_of(entry, name, &pid) && pid > 0 && kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

void outfile_clean_stale(int dirfd, const char *name, int any_pid)
{
	int fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	if (!d) {
		if (fd >= 0)
			close(fd);
		return;
	}
	const struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		long pid;
		if (temp_of(de->d_name, name, &pid) && (any_pid || outfile_stale_temp(de->d_name, name)))
			unlinkat(dirfd, de->d_name, 0);
	}
	closedir(d);
}

int outfile_close_stdout(int status)
{
	int bad = ferror(stdout);
	errno = 0;
	if (fclose(stdout) != 0)
		bad = 1;
	if (!bad)
		return status;
	int err = errno ? errno : EIO;
	fprintf(stderr, _("sikube: keluaran tidak dapat ditulis: %s\n"), strerror(err));
	return status == 0 ? 1 : status;
}
