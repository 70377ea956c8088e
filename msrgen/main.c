// SPDX-License-Identifier: GPL-2.0
/* The command line: msrgen generate | check | audit | import | install | patch | checks */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msrgen.h"

static const char usage_text[] =
"Usage: msrgen generate --target T -o DIR FILE...\n"
"       msrgen check    --target T -o DIR FILE...\n"
"       msrgen audit    [--format md|csv|json|rst] [-o FILE] [--msr NAME|ADDRESS]\n"
"                       [--finding KIND] [--special] [--sites]\n"
"                       [--kernel-sites LIST | --vmlinux VMLINUX] FILE...\n"
"       msrgen sites    VMLINUX [FILE...]\n"
"       msrgen hvprobe  --list FILE... | [--against HV [--expect F]] LOG FILE...\n"
"       msrgen import   --target T -o DIR HEADER\n"
"       msrgen install  --target T --kernel-tree DIR FILE...\n"
"       msrgen patch    --target T --kernel-tree DIR [-o DIR] FILE...\n"
"       msrgen checks\n"
"\n"
"msrgen reads tables of x86 MSRs (.msr files), checks them, and renders a\n"
"target's m4 templates from them: kernel accessors, per-platform stubs, audits.\n"
"\n"
"Commands ('msrgen COMMAND --help' says more about each):\n"
"  generate   write the target's files into DIR (all of them, or none on error)\n"
"  check      compare DIR with what generate would write; exit 1 and print a\n"
"             unified diff if they differ\n"
"  audit      print one row per MSR: address, names, vendor, access, the\n"
"             handling per platform and direction, what each hypervisor does,\n"
"             and findings where they disagree, with severity, consequence and\n"
"             context; rows the kernel accesses first; rst: a Documentation/ page\n"
"  sites      list the MSR access sites recorded in VMLINUX's .msr_sites section\n"
"  hvprobe    the addresses for the in-kernel probe of a hypervisor, and its\n"
"             log as a measured hypervisor table, compared with a declared one\n"
"  import     write .msr declarations for every MSR in a kernel's MSR header\n"
"  install    write the target's files into a kernel tree and wire them in\n"
"  patch      the same change as a git format-patch series\n"
"  checks     list the checks msrgen runs, with their -W names\n"
"\n"
"Options:\n"
"  -t, --target T        the target: a folder under the templates folder\n"
"  -o, --output PATH     the output folder (generate, check) or file (audit)\n"
"  -f, --format F        audit format: md (default), csv, json or rst\n"
"      --templates DIR   where targets live (default " MSRGEN_TEMPLATE_DIR ")\n"
"  -W NAME, -Wno-NAME    turn the warning NAME on or off (see 'msrgen checks')\n"
"  -Werror               make warnings errors\n"
"  -q, --quiet           say nothing when all is well\n"
"  -h, --help            show this help\n"
"  -V, --version         show the version\n"
"\n"
"Exit status: 0 success, 1 bad input (or check found differences), 2 bad usage.\n"
"Diagnostics: FILE:LINE:COL: error: MESSAGE, with the source line and a caret.\n";

#define COMMON_OPTIONS \
"      --templates DIR   where targets live (default " MSRGEN_TEMPLATE_DIR ")\n" \
"  -W NAME, -Wno-NAME    turn the warning NAME on or off (see 'msrgen checks')\n" \
"  -Werror               make warnings errors\n"

static const char generate_help[] =
"Usage: msrgen generate --target T -o DIR [OPTION]... FILE...\n"
"\n"
"Reads the .msr FILEs (and what they include), checks them, renders the\n"
"target T's templates and writes the files into DIR: all of them, or, on\n"
"any error, none (nothing in DIR is created or changed). Files whose bytes\n"
"did not change are left alone.\n"
"\n"
"Options:\n"
"  -t, --target T        the target: a folder under the templates folder\n"
"  -o, --output DIR      the output folder\n"
COMMON_OPTIONS
"  -q, --quiet           say nothing when all is well\n"
"\n"
"Exit status: 0 success, 1 bad input, 2 bad usage.\n";

static const char check_help[] =
"Usage: msrgen check --target T -o DIR [OPTION]... FILE...\n"
"\n"
"Compares DIR with what 'msrgen generate' would write there. Prints a unified\n"
"diff of every file that differs (on stdout), names the files DIR lacks and\n"
"the files in DIR that msrgen does not generate, and exits 1 if there is any.\n"
"\n"
"Options:\n"
"  -t, --target T        the target: a folder under the templates folder\n"
"  -o, --output DIR      the folder to compare\n"
COMMON_OPTIONS
"  -q, --quiet           say nothing when DIR is up to date\n"
"\n"
"Exit status: 0 up to date, 1 bad input or DIR differs, 2 bad usage.\n";

static const char audit_help[] =
"Usage: msrgen audit [--format md|csv|json|rst] [-o FILE] [OPTION]... FILE...\n"
"\n"
"Prints one row per MSR: address, names, vendor, access, the handling per\n"
"platform and direction, what each hypervisor table says the hypervisor\n"
"does, and the findings where guest and hypervisor disagree.\n"
"\n"
"Options:\n"
"  -f, --format F        md (default), csv, json, or rst (a Documentation/ page)\n"
"  -o, --output FILE     write FILE instead of stdout ('-': stdout)\n"
"      --msr NAME|ADDR   that MSR (or the row holding that address) only; an\n"
"                        unknown name gets a did-you-mean\n"
"      --finding KIND    the MSRs with that finding (passthrough-gp, perf-gp,\n"
"                        ignore-emulated, special-plain, version-difference)\n"
"      --special         the MSRs a platform other than bare metal handles specially\n"
"      --sites           list each MSR's access sites\n"
"      --kernel-sites L  the sites of a tools/scan-msr-sites listing L\n"
"      --vmlinux V       the sites recorded in the kernel image V (.msr_sites)\n"
"  -t, --target T        the tables as target T has them (their only lists);\n"
"                        without it, every target's MSRs together\n"
"      --templates DIR   where targets live (default " MSRGEN_TEMPLATE_DIR ")\n"
"  -W NAME, -Wno-NAME    turn the warning NAME on or off (see 'msrgen checks')\n"
"  -Werror               make warnings errors\n"
"\n"
"Exit status: 0 success, 1 bad input, 2 bad usage.\n";

static const char sites_help[] =
"Usage: msrgen sites VMLINUX [FILE...]\n"
"\n"
"Lists the MSR access sites that msrgen's accessors record in VMLINUX's\n"
"non-allocated .msr_sites section, one a line: address, FILE:LINE (one batch\n"
"run of addr2line, $MSRGEN_ADDR2LINE if set: the line outside a header that\n"
"uses the accessor, relative to the build tree; without line tables, the\n"
"function), the MSR and, when .msr FILEs are\n"
"given, its name ('variable' for a non-constant number), read or write, safe or\n"
"plain, and wrmsrns where requested.\n"
"\n"
"Exit status: 0 success, 1 bad input, 2 bad usage.\n";

static const char checks_help[] =
"Usage: msrgen checks\n"
"\n"
"Lists the checks msrgen runs on a table: NAME, error or warning, and what\n"
"it finds. A warning's NAME is its -W switch: -Wno-NAME turns it off,\n"
"-Werror makes every warning an error. tests/bad/NAME holds its cases.\n"
"\n"
"Exit status: 0 success, 2 bad usage.\n";

static const char *const command_names[] = {
	"generate", "check", "audit", "sites", "hvprobe", "import", "install", "patch", "checks",
};
#define NCOMMANDS (sizeof(command_names) / sizeof(command_names[0]))

static void commands_text(struct strbuf *sb)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		sb_printf(sb, "%s%s", i ? i == NCOMMANDS - 1 ? " or " : ", " : "", command_names[i]);
}

static int unknown_command(const char *cmd)
{
	struct closest near;
	struct strbuf sb = { 0 };
	size_t i;
	int ret;

	closest_init(&near, cmd);
	for (i = 0; i < NCOMMANDS; i++)
		closest_try(&near, command_names[i]);
	commands_text(&sb);
	if (near.best)
		ret = usage_error(NULL, "unknown command '%s'; did you mean '%s'? (commands: %s)", cmd,
				  near.best, sb.s);
	else
		ret = usage_error(NULL, "unknown command '%s' (commands: %s)", cmd, sb.s);
	sb_free(&sb);
	return ret;
}
struct opts {
	const char *target;
	const char *output;
	const char *templates;
	enum audit_format format;
	const char *msr;
	const char *finding;
	bool special;
	bool list_sites;
	const char *kernel_sites;
	const char *vmlinux;
	bool quiet;
};

static int cmd_generate(const struct opts *o, bool check, int nfiles, char **files)
{
	struct ast ast;
	struct model m;
	struct outputs out = { 0 };
	int ret;

	if (!checks_load_for(&ast, &m, nfiles, files, o->templates, o->target) ||
	    !checks_target(&m, o->templates, o->target) ||
	    !render_target(&m, o->templates, o->target, &out)) {
		ret = 1;
	} else if (check) {
		ret = outputs_check(&out, o->output);
		if (ret == 2)
			ret = 1;	/* it could not compare: bad input, not bad usage */
		if (ret == 0 && !o->quiet)
			fprintf(stderr, "msrgen: %s is up to date (%zu files)\n", o->output,
				out.files.n);
		else if (ret == 1)
			fprintf(stderr, "msrgen: %s differs from what msrgen generates; run 'msrgen generate'\n",
				o->output);
	} else {
		ret = outputs_write(&out, o->output) ? 0 : 1;
		if (ret == 0 && !o->quiet)
			fprintf(stderr, "msrgen: %s: %zu files for %s\n", o->output, out.files.n,
				o->target);
	}
	outputs_free(&out);
	model_free(&m);
	ast_free(&ast);
	return ret;
}

static int cmd_audit(const struct opts *o, int nfiles, char **files)
{
	struct target_conf words = { 0 };
	struct ast ast;
	struct model m;
	struct audit_opts ao = { 0 };
	struct sites sites = { 0 };
	struct strbuf sb = { 0 };
	int ret = 0;

	if (!checks_load_for(&ast, &m, nfiles, files, o->target ? o->templates : NULL, o->target) ||
	    (o->target && !target_conf_load(&words, o->templates, o->target))) {
		target_conf_free(&words);
		model_free(&m);
		ast_free(&ast);
		return 1;
	}
	if (words.audit_platform && model_platform_index(&m, words.audit_platform) < 0) {
		diag_plain(DIAG_ERROR, "%s: audit-platform %s: the tables declare no such platform",
			   words.path, words.audit_platform);
		target_conf_free(&words);
		model_free(&m);
		ast_free(&ast);
		return 1;
	}
	ao.words = o->target ? &words : NULL;
	if (o->kernel_sites ? !sites_load_scan(&sites, &m, o->kernel_sites) :
	    o->vmlinux ? !sites_load_image(&sites, o->vmlinux) : false) {
		target_conf_free(&words);
		model_free(&m);
		ast_free(&ast);
		return 1;
	}
	ao.fmt = o->format;
	ao.msr = o->msr;
	ao.finding = o->finding;
	ao.special = o->special;
	ao.list_sites = o->list_sites;
	ao.sites = o->kernel_sites || o->vmlinux ? &sites : NULL;
	ret = audit_run(&m, &ao, &sb);
	sites_free(&sites);
	if (ret) {
		sb_free(&sb);
		target_conf_free(&words);
		model_free(&m);
		ast_free(&ast);
		return ret;
	}
	if (!o->output || !strcmp(o->output, "-")) {
		if (fwrite(sb.s, 1, sb.len, stdout) != sb.len || fflush(stdout)) {
			diag_plain(DIAG_ERROR, "cannot write the audit: %s", strerror(errno));
			ret = 1;
		}
	} else {
		struct outputs out = { 0 };
		const char *slash = strrchr(o->output, '/');
		struct output f = { xstrdup(slash ? slash + 1 : o->output), sb.s, sb.len };
		char *dir = slash ? xstrndup(o->output, (size_t)(slash - o->output)) : xstrdup(".");

		vec_push(&out.files, f);
		ret = outputs_write(&out, dir[0] ? dir : "/") ? 0 : 1;
		free(dir);
		free(f.path);
		free(out.files.v);
	}
	sb_free(&sb);
	target_conf_free(&words);
	model_free(&m);
	ast_free(&ast);
	return ret;
}

/* msrgen sites VMLINUX [FILE...]: the model, if any, only names the MSRs */
static int cmd_sites(int nfiles, char **files)
{
	struct ast ast = { 0 };
	struct model m = { 0 };
	struct sites s;
	struct strbuf sb = { 0 };
	bool tables = nfiles > 1;
	int ret = 0;

	if (tables && !checks_load(&ast, &m, nfiles - 1, files + 1)) {
		model_free(&m);
		ast_free(&ast);
		return 1;
	}
	if (!sites_load_image(&s, files[0])) {
		ret = 1;
	} else {
		sites_render(&s, tables ? &m : NULL, &sb);
		if (fwrite(sb.s, 1, sb.len, stdout) != sb.len || fflush(stdout)) {
			diag_plain(DIAG_ERROR, "cannot write the sites: %s", strerror(errno));
			ret = 1;
		}
		sb_free(&sb);
		sites_free(&s);
	}
	if (tables) {
		model_free(&m);
		ast_free(&ast);
	}
	return ret;
}

/* The help of cmd, or NULL if it is not a command of this file. */
static const char *command_help(const char *cmd)
{
	return !strcmp(cmd, "generate") ? generate_help : !strcmp(cmd, "check") ? check_help :
	       !strcmp(cmd, "audit") ? audit_help : !strcmp(cmd, "sites") ? sites_help :
	       !strcmp(cmd, "checks") ? checks_help : NULL;
}

static int run(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "target", required_argument, NULL, 't' },
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "templates", required_argument, NULL, 'T' },
		{ "msr", required_argument, NULL, 'M' },
		{ "finding", required_argument, NULL, 'F' },
		{ "special", no_argument, NULL, 'S' },
		{ "sites", no_argument, NULL, 's' },
		{ "kernel-sites", required_argument, NULL, 'K' },
		{ "vmlinux", required_argument, NULL, 'L' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct opts o = { .templates = render_templates_dir(), .format = AUDIT_MD };
	struct strbuf sb = { 0 };
	const char *cmd, *help;
	int c;

	if (argc < 2) {
		commands_text(&sb);
		c = usage_error(NULL, "no command given (%s)", sb.s);
		sb_free(&sb);
		return c;
	}
	cmd = argv[1];
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
		/* msrgen help COMMAND is msrgen COMMAND --help */
		if (!strcmp(cmd, "help") && argc > 2) {
			cmd = argv[1] = argv[2];
			argv[2] = (char *)"--help";
			argc = 3;
		} else {
			fputs(usage_text, stdout);
			return 0;
		}
	}
	if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version")) {
		printf("msrgen %s\n", MSRGEN_VERSION);
		return 0;
	}
#ifndef MSRGEN_NO_IMPORT
	if (!strcmp(cmd, "import"))
		return import_main(argc - 1, argv + 1);
#endif
	if (!strcmp(cmd, "install") || !strcmp(cmd, "patch"))
		return install_main(argc - 1, argv + 1);
	if (!strcmp(cmd, "hvprobe"))
		return hvprobe_main(argc - 1, argv + 1);
	help = command_help(cmd);
	if (!help)
		return unknown_command(cmd);
	argc--;
	argv++;
	argv[0] = (char *)"msrgen";	/* getopt names the program in its messages */
	while ((c = getopt_long(argc, argv, "t:o:f:W:qhV", longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			o.target = optarg;
			break;
		case 'o':
			if (!*optarg)
				return usage_error(cmd, "%s: -o: an empty path names no folder or file", cmd);
			o.output = optarg;
			break;
		case 'f':
			if (!strcmp(optarg, "md"))
				o.format = AUDIT_MD;
			else if (!strcmp(optarg, "csv"))
				o.format = AUDIT_CSV;
			else if (!strcmp(optarg, "json"))
				o.format = AUDIT_JSON;
			else if (!strcmp(optarg, "rst"))
				o.format = AUDIT_RST;
			else
				return usage_error(cmd, "unknown audit format '%s' (md, csv, json or rst)",
						   optarg);
			break;
		case 'T':
			o.templates = optarg;
			break;
		case 'M':
			o.msr = optarg;
			break;
		case 'F':
			o.finding = optarg;
			break;
		case 'S':
			o.special = true;
			break;
		case 's':
			o.list_sites = true;
			break;
		case 'K':
			o.kernel_sites = optarg;
			break;
		case 'L':
			o.vmlinux = optarg;
			break;
		case 'W':
			if (!checks_option(optarg))
				return unknown_warning(cmd, optarg);
			break;
		case 'q':
			o.quiet = true;
			break;
		case 'h':
			fputs(help, stdout);
			return 0;
		case 'V':
			printf("msrgen %s\n", MSRGEN_VERSION);
			return 0;
		default:
			fprintf(stderr, "Try 'msrgen %s --help' for more information.\n", cmd);
			return 2;
		}
	}
	if (!strcmp(cmd, "checks")) {
		if (optind < argc)
			return usage_error(cmd, "'checks' takes no files (got '%s')", argv[optind]);
		checks_list(stdout);
		return 0;
	}
	if (!strcmp(cmd, "sites")) {
		if (optind >= argc)
			return usage_error(cmd, "%s", "sites: no VMLINUX given");
		return cmd_sites(argc - optind, argv + optind);
	}
	if (optind >= argc)
		return usage_error(cmd, "%s: no .msr files given", cmd);
	if (o.kernel_sites && o.vmlinux)
		return usage_error(cmd, "%s", "audit: --kernel-sites and --vmlinux exclude each other");
	if ((o.msr || o.finding || o.special || o.list_sites || o.kernel_sites || o.vmlinux) &&
	    strcmp(cmd, "audit"))
		return usage_error(cmd, "%s: --msr, --finding, --special, --sites, --kernel-sites and --vmlinux are for audit",
				   cmd);
	if (!strcmp(cmd, "audit") && o.target && !target_known(o.templates, o.target, &sb)) {
		c = usage_error(cmd, "%s", sb.s);
		sb_free(&sb);
		return c;
	}
	if (!strcmp(cmd, "audit"))
		return cmd_audit(&o, argc - optind, argv + optind);
	if (!o.target)
		return usage_error(cmd, "%s: --target is missing", cmd);
	if (!o.output)
		return usage_error(cmd, "%s: -o DIR is missing", cmd);
	if (!target_known(o.templates, o.target, &sb)) {
		c = usage_error(cmd, "%s", sb.s);
		sb_free(&sb);
		return c;
	}
	return cmd_generate(&o, !strcmp(cmd, "check"), argc - optind, argv + optind);
}

int main(int argc, char **argv)
{
	int rc = run(argc, argv);

	/* what went to standard output must have got there: a full disk is an
	   error (a reader that went away ends msrgen by SIGPIPE before this) */
	if (fflush(stdout) || ferror(stdout)) {
		diag_plain(DIAG_ERROR, "cannot write to standard output: %s", strerror(errno));
		if (rc != 2)
			rc = 1;
	}
	return rc;
}
