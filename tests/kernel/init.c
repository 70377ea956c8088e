/*
 * msrgen-init: the whole userspace of the msrgen kernel boot test.
 *
 * Built with `gcc -static` and packed as /init into an initramfs.  It
 * prints a marker line the boot step looks for, a few facts about the
 * system it came up on, runs /selftest if the initramfs carries one,
 * and then powers the machine off (or reboots it) so that QEMU exits.
 *
 * Lines it prints all start with "msrgen-init: ".  The boot step treats
 * "msrgen-init: up" as success; "msrgen-init: selftest rc=N" and
 * "msrgen-init: done" follow.
 *
 * Kernel command line knobs (read from /proc/cmdline):
 *   msrgen.exit=poweroff|reboot|halt   how to end (default: poweroff,
 *                                      falling back to reboot)
 *   msrgen.dmesg=WORD                  echo kernel log lines holding WORD
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#define TAG "msrgen-init: "

static int console_fd = -1;

static void say(const char *fmt, ...)
{
	char buf[1024];
	int n, off;
	va_list ap;

	memcpy(buf, TAG, sizeof(TAG) - 1);
	off = sizeof(TAG) - 1;
	va_start(ap, fmt);
	n = vsnprintf(buf + off, sizeof(buf) - off - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	n += off;
	if (n > (int)sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	buf[n++] = '\n';
	if (write(console_fd >= 0 ? console_fd : 1, buf, n) < 0)
		return;
}

/* Read a small file into buf, NUL terminated, trailing newlines cut. */
static int slurp(const char *path, char *buf, size_t len)
{
	ssize_t n, total = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	while ((size_t)total < len - 1) {
		n = read(fd, buf + total, len - 1 - total);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		total += n;
	}
	close(fd);
	buf[total] = '\0';
	while (total > 0 && buf[total - 1] == '\n')
		buf[--total] = '\0';
	return 0;
}

/*
 * Value of KEY=... on the kernel command line, copied into val; when the
 * key is given more than once, the last one counts.
 */
static int cmdline_get(const char *cmdline, const char *key, char *val,
		       size_t len)
{
	size_t klen = strlen(key);
	const char *p = cmdline;
	int found = -1;

	while (*p) {
		while (*p == ' ')
			p++;
		if (!strncmp(p, key, klen) && p[klen] == '=') {
			size_t n = 0;

			p += klen + 1;
			while (p[n] && p[n] != ' ' && n < len - 1)
				n++;
			memcpy(val, p, n);
			val[n] = '\0';
			found = 0;
		}
		while (*p && *p != ' ')
			p++;
	}
	return found;
}

static void mount_one(const char *src, const char *dir, const char *type)
{
	mkdir(dir, 0755);
	if (mount(src, dir, type, 0, NULL) < 0 && errno != EBUSY)
		say("mount %s on %s failed: %s", type, dir, strerror(errno));
}

/* Echo the lines of the kernel log that contain word. */
static void dmesg_grep(const char *word)
{
	int len = klogctl(10 /* SYSLOG_ACTION_SIZE_BUFFER */, NULL, 0);
	char *buf, *line, *save;

	if (len <= 0)
		return;
	buf = malloc(len + 1);
	if (!buf)
		return;
	len = klogctl(3 /* SYSLOG_ACTION_READ_ALL */, buf, len);
	if (len < 0) {
		free(buf);
		return;
	}
	buf[len] = '\0';
	for (line = strtok_r(buf, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		if (strstr(line, word) && !strstr(line, "msrgen.dmesg="))
			say("dmesg: %s", line);
	free(buf);
}

static void count_cpus(void)
{
	char buf[8192];
	const char *p = buf;
	int n = 0;

	if (slurp("/proc/cpuinfo", buf, sizeof(buf)) < 0)
		return;
	while ((p = strstr(p, "processor\t")) != NULL) {
		n++;
		p++;
	}
	say("cpus=%d", n);
}

static void run_selftest(void)
{
	struct stat st;
	pid_t pid;
	int status;

	if (stat("/selftest", &st) < 0)
		return;
	say("selftest start");
	pid = fork();
	if (pid == 0) {
		char *argv[] = { "/selftest", NULL };
		char *envp[] = { "PATH=/bin:/sbin", NULL };

		execve(argv[0], argv, envp);
		say("exec /selftest failed: %s", strerror(errno));
		_exit(127);
	}
	if (pid < 0) {
		say("fork failed: %s", strerror(errno));
		return;
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status))
		say("selftest rc=%d", WEXITSTATUS(status));
	else
		say("selftest rc=signal%d", WTERMSIG(status));
}

int main(void)
{
	char cmdline[4096] = "", buf[512], how[32] = "poweroff";
	struct utsname u;

	mount_one("devtmpfs", "/dev", "devtmpfs");
	console_fd = open("/dev/console", O_WRONLY | O_NOCTTY | O_CLOEXEC);
	mount_one("proc", "/proc", "proc");
	mount_one("sysfs", "/sys", "sysfs");

	say("up");

	if (uname(&u) == 0)
		say("kernel %s %s %s", u.release, u.version, u.machine);
	if (slurp("/proc/cmdline", cmdline, sizeof(cmdline)) == 0)
		say("cmdline %s", cmdline);
	if (slurp("/sys/hypervisor/type", buf, sizeof(buf)) == 0)
		say("hypervisor=%s", buf);
	else
		say("hypervisor=none");
	count_cpus();
	if (cmdline_get(cmdline, "msrgen.dmesg", buf, sizeof(buf)) == 0)
		dmesg_grep(buf);

	run_selftest();

	cmdline_get(cmdline, "msrgen.exit", how, sizeof(how));
	say("done, %s", how);
	sync();
	if (!strcmp(how, "halt")) {
		reboot(RB_HALT_SYSTEM);
	} else if (strcmp(how, "reboot")) {
		reboot(RB_POWER_OFF);
		say("power off failed (%s), rebooting", strerror(errno));
	}
	reboot(RB_AUTOBOOT);
	say("reboot failed: %s", strerror(errno));
	/* init exiting panics the kernel; with panic=-1 that reboots too */
	return 1;
}
