// SPDX-License-Identifier: GPL-2.0
/*
 * Cleanup on a signal: the temporary files and folders msrgen makes are
 * registered here, and a signal that ends msrgen removes them first.
 */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "msrgen.h"

/*
 * Temporary files and folders to remove if a signal ends msrgen (SIGINT, SIGTERM,
 * SIGHUP, SIGABRT): the handler unlinks and rmdirs them (rm -rf for a tree), then
 * dies of the signal. SIGKILL
 * cannot be caught: the output folder is still as it was (files are renamed into
 * place, never written there), but a *.tmp.* file may stay behind.
 */
#define MAX_CLEANUP 1024
static char *volatile cleanup_paths[MAX_CLEANUP];
static volatile sig_atomic_t cleanup_dir[MAX_CLEANUP];

static void on_signal(int sig)
{
	int i;

	for (i = 0; i < MAX_CLEANUP; i++) {
		char *p = cleanup_paths[i];

		if (p && cleanup_dir[i] == 2) {
			/* a tree (patch's git repository): rm -rf, async-signal-safe */
			char *const argv[] = { (char *)"rm", (char *)"-rf", (char *)"--", p, NULL };
			char *const envp[] = { NULL };
			pid_t pid = fork();

			if (pid == 0) {
				execve("/bin/rm", argv, envp);
				_exit(127);
			}
			if (pid > 0)
				waitpid(pid, NULL, 0);
			cleanup_paths[i] = NULL;
		} else if (p && (cleanup_dir[i] ? rmdir(p) : unlink(p)) == 0) {
			cleanup_paths[i] = NULL;
		}
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void cleanup_signals(void)
{
	static bool done;
	/* SIGABRT: die() and a failed assertion end msrgen with it */
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGABRT };
	size_t i;

	if (done)
		return;
	done = true;
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], on_signal);
	/* a full file-size limit is an error to clean up after, not a death */
	signal(SIGXFSZ, SIG_IGN);
}

/* Removes path if a signal ends msrgen; until cleanup_forget(path). dir: 0 a file,
 * 1 an empty folder, 2 a tree; folders last. */
void cleanup_add(char *path, int dir)
{
	sigset_t all, old;
	int i;

	cleanup_signals();
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	for (i = dir ? MAX_CLEANUP - 1 : 0; i >= 0 && i < MAX_CLEANUP; i += dir ? -1 : 1) {
		if (!cleanup_paths[i]) {
			cleanup_dir[i] = dir;
			cleanup_paths[i] = path;
			break;
		}
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

void cleanup_forget(const char *path)
{
	sigset_t all, old;
	int i;

	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	for (i = 0; i < MAX_CLEANUP; i++)
		if (cleanup_paths[i] == path)
			cleanup_paths[i] = NULL;
	sigprocmask(SIG_SETMASK, &old, NULL);
}


void cleanup_tree_add(char *path)
{
	cleanup_add(path, 2);
}

void cleanup_tree_forget(const char *path)
{
	cleanup_forget(path);
}
