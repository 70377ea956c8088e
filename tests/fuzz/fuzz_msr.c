// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for msrgen's front end: lexer, parser, includes, model,
 * checks, the m4 model text and the audit in every format (md, csv, json, rst),
 * all in memory.
 *
 * An input is one or more files: the text up to the first line "#file NAME" is
 * input.msr, each such line starts the file NAME (a .msr comment, so a plain
 * .msr file is a valid input). Includes only see these files and defs/ as it
 * was when the fuzzer started (the sandbox): the fuzzer never reads anything
 * else. Diagnostics go to /dev/null.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "msrgen.h"

/* defs/, read once; the names are what the defs include */
static const char *const sandbox_names[] = {
	"platforms.msr", "common.msr", "xen-pv.msr", "hypervisors.msr",
	"index/msr-index.msr", "hypervisor/xen-4.17.msr", "hypervisor/xen-4.20.msr",
};
#define NSANDBOX (sizeof(sandbox_names) / sizeof(sandbox_names[0]))
#define MAX_FILES 16

static struct memfile sandbox[NSANDBOX];
static size_t nsandbox;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	size_t i;

	(void)argc;
	(void)argv;
	for (i = 0; i < NSANDBOX; i++) {
		char *path = xasprintf("%s/defs/%s", SRC_DIR, sandbox_names[i]);
		size_t len;
		char *text = read_file(path, &len);

		free(path);
		if (!text)
			continue;	/* defs/ changed: fewer files to include */
		sandbox[nsandbox].name = sandbox_names[i];
		sandbox[nsandbox].text = text;
		sandbox[nsandbox].len = len;
		nsandbox++;
	}
	diag_set_stream(fopen("/dev/null", "w"));
	return 0;
}

/* Splits the input at "#file NAME" lines; the names point into names[]. */
static size_t split(const char *text, size_t size, struct memfile *files,
		    char names[][64])
{
	static const char mark[] = "#file ";
	size_t n = 0, start = 0, i = 0;

	files[n].name = "input.msr";
	while (i <= size) {
		const char *eol = i < size ? memchr(text + i, '\n', size - i) : NULL;
		size_t end = eol ? (size_t)(eol - text) : size;

		if (end - i > sizeof(mark) - 1 && !memcmp(text + i, mark, sizeof(mark) - 1) &&
		    n + 1 < MAX_FILES) {
			size_t len = end - i - (sizeof(mark) - 1);

			files[n].text = text + start;
			files[n].len = i - start;
			n++;
			if (len > 63)
				len = 63;
			memcpy(names[n], text + i + sizeof(mark) - 1, len);
			names[n][len] = '\0';
			files[n].name = names[n];
			start = end + 1 < size ? end + 1 : size;
		}
		if (!eol)
			break;
		i = end + 1;
	}
	files[n].text = text + start;
	files[n].len = size - start;
	return n + 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum audit_format formats[] = { AUDIT_MD, AUDIT_CSV, AUDIT_JSON, AUDIT_RST };
	struct memfile files[MAX_FILES + NSANDBOX];
	char names[MAX_FILES][64];
	size_t n, i;
	struct ast ast = { 0 };
	struct model m = { 0 };
	struct strbuf sb = { 0 };

	if (size > 1 << 20)
		return -1;	/* big inputs are tests/unit/test_robust.c's business */
	n = split((const char *)data, size, files, names);
	/* the input's own files come first and so hide defs/ files of the same name */
	for (i = 0; i < nsandbox; i++)
		files[n++] = sandbox[i];
	parse_set_memfiles(files, n);
	diag_reset();
	diag_set_werror(size && data[0] == 'W');
	parse_file(&ast, "input.msr");
	if (!diag_errors()) {
		if (checks_build(&m, &ast)) {
			render_model_text(&m, &sb);
			for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
				sb.len = 0;
				audit_render(&m, formats[i], &sb);
			}
		}
	}
	sb_free(&sb);
	model_free(&m);
	ast_free(&ast);
	parse_set_memfiles(NULL, 0);
	return 0;
}
