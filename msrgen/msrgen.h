/* SPDX-License-Identifier: GPL-2.0 */
/*
 * msrgen: one header for the whole pipeline
 * text -> tokens (lexer.re) -> syntax tree (parser.y) -> checked model (model.c,
 * checks.c) -> m4 records (records.c), rendered templates (render.c) and files
 * (outputs.c), audit tables (audit.c).
 */
#ifndef MSRGEN_H
#define MSRGEN_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifndef MSRGEN_VERSION
#define MSRGEN_VERSION "0.1.0"
#endif

#define PRINTF(f, a) __attribute__((format(printf, f, a)))
#define NORETURN __attribute__((noreturn))

/* util.c: allocation never fails, bugs in msrgen die with a location */
#define die(...) die_at(__FILE__, __LINE__, __VA_ARGS__)
void die_at(const char *file, int line, const char *fmt, ...) PRINTF(3, 4) NORETURN;
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) PRINTF(1, 2);
char *xvasprintf(const char *fmt, va_list ap) PRINTF(1, 0);
/* "msrgen: MESSAGE" and "Try 'msrgen CMD --help'"; returns 2, the usage exit status */
int usage_error(const char *cmd, const char *fmt, ...) PRINTF(2, 3);

/* A growable array of T: struct { T *v; size_t n, cap; } */
#define VEC(T) struct { T *v; size_t n, cap; }
#define vec_push(vec, x) do {						\
	if ((vec)->n == (vec)->cap) {					\
		(vec)->cap = (vec)->cap ? 2 * (vec)->cap : 8;		\
		(vec)->v = xrealloc((vec)->v, (vec)->cap * sizeof(*(vec)->v)); \
	}								\
	(vec)->v[(vec)->n++] = (x);					\
} while (0)

struct strbuf {
	char *s;
	size_t len, cap;
};
void sb_putn(struct strbuf *sb, const char *s, size_t n);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putc(struct strbuf *sb, char c);
void sb_printf(struct strbuf *sb, const char *fmt, ...) PRINTF(2, 3);
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap) PRINTF(2, 0);
void sb_free(struct strbuf *sb);

/* Reads a whole file; NULL with errno set on failure. */
char *read_file(const char *path, size_t *len);
/* The same, but EFBIG beyond max bytes (a source file cannot be /dev/zero) */
char *read_file_max(const char *path, size_t max, size_t *len);
void sha256_hex(const void *data, size_t len, char out[65]);
/* qsort() that accepts an empty array (qsort wants a valid base even then) */
void sort_array(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
/* The UTF-8 character at p (before lim): its length in bytes and *cp, or 0 if the
 * bytes there are not UTF-8. */
int utf8_char(const char *p, const char *lim, uint32_t *cp);
/* Levenshtein distance, for "did you mean" */
size_t edit_distance(const char *a, const char *b);
/* The name nearest to word among those tried, if near enough to be a typo of it:
 * closest_init(), closest_try() for each candidate, then best (NULL: none). */
struct closest {
	const char *word, *best;
	size_t dist;
};
void closest_init(struct closest *c, const char *word);
void closest_try(struct closest *c, const char *name);
/* Whether target is a folder under root; if not, why, with the targets there */
bool target_known(const char *root, const char *target, struct strbuf *why);
/* The targets under root (folders not starting with . or _), sorted; false if unreadable */
bool target_names(const char *root, char ***names, size_t *n);

/* srcpos.c: source files, positions and diagnostics */
/* Source files larger than this are refused. */
#define MAX_SOURCE ((size_t)64 << 20)

struct srcfile {
	char *path;		/* as the user or the include named it */
	char *text;		/* NUL-terminated */
	size_t len;
	struct srcfile *includer;
	int inc_line, inc_col;	/* where includer includes it */
	int order;		/* files are numbered as they are read */
	size_t *lines;		/* where each line starts, made for diagnostics */
	size_t nlines;
};

struct srcpos {
	struct srcfile *file;
	int line, col;		/* 1-based, col in bytes */
	int end_line, end_col;	/* last byte of the range, inclusive */
};

struct srcfile *srcfile_load(const char *path, struct srcfile *includer);
struct srcfile *srcfile_from_text(const char *name, const char *text);
/* Text in memory as a source file (a BOM dropped, CR-only line ends read as LF);
 * NULL with errno set if it is too big. NUL bytes are the lexer's to report. */
struct srcfile *srcfile_from_mem(const char *path, const char *text, size_t len,
				 struct srcfile *includer);
void srcfile_free(struct srcfile *f);
int srcpos_cmp(const struct srcpos *a, const struct srcpos *b);

enum diag_level { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE };

void diag_set_werror(bool on);
/* Where diagnostics go; NULL: stderr (the fuzzer sends them to /dev/null) */
void diag_set_stream(FILE *f);
void diag(enum diag_level level, const struct srcpos *pos, const char *check,
	  const char *fmt, ...) PRINTF(4, 5);
#define error_at(pos, check, ...)   diag(DIAG_ERROR, pos, check, __VA_ARGS__)
#define warning_at(pos, check, ...) diag(DIAG_WARNING, pos, check, __VA_ARGS__)
#define note_at(pos, ...)           diag(DIAG_NOTE, pos, NULL, __VA_ARGS__)
/* Plain message with no source position: "msrgen: error: ..." */
void diag_plain(enum diag_level level, const char *fmt, ...) PRINTF(2, 3);
/* diag() with a va_list */
void diag_va(enum diag_level level, const struct srcpos *pos, const char *check,
	     const char *fmt, va_list ap) PRINTF(4, 0);
int diag_errors(void);
/* The source line of pos and a caret under it, as after a diagnostic */
void diag_source(const struct srcpos *pos);
void diag_reset(void);
/* The text of line LINE (1-based) of f, up to its newline or the end; NULL
   if f has no such line */
const char *srcfile_line(struct srcfile *f, int line, size_t *len);

/* The syntax tree: every node carries its source range. */
enum access { ACC_NONE = 0, ACC_RO = 1, ACC_WO = 2, ACC_RW = 3 };
enum dir { DIR_READ = 1, DIR_WRITE = 2, DIR_RW = 3 };
/* The handlings the language has; H_WORD: one its platform declares (handling NAME) */
enum hkind { H_PASSTHROUGH, H_IGNORE, H_CALL, H_FIXUP, H_WORD };
/* The hypervisor behaviours the language has; a platform's own (behaviour NAME
   like B) count as one of them */
enum hvbeh { HV_EMULATE, HV_HOST, HV_ZERO, HV_CONST, HV_DISCARD, HV_VALIDATE, HV_GP };
enum msr_kind { MSR_SINGLE, MSR_ARRAY, MSR_INDEXED };

struct ident {
	char *name;
	struct srcpos pos;
};

struct number {
	uint64_t v;
	struct srcpos pos;
};

/* A list of names: vendors, or the targets of an only list */
struct vendors {
	VEC(struct ident) list;
};

struct ast_value {
	struct ident name;
	struct number value;
};

struct ast_field {
	struct ident name;
	struct number hi, lo;
	struct srcpos bits_pos;
	bool has_bits;		/* false: annotates the field of this name declared elsewhere */
	enum access access;	/* ACC_NONE: as the MSR */
	char *doc;
	struct srcpos doc_pos;
	VEC(struct ast_value) values;
	struct vendors only;	/* the targets it is for; none: every target */
	struct srcpos only_pos;
};

struct ast_bits {
	struct number hi, lo;
	struct srcpos pos;
};

struct ast_alias {
	struct ident name;
	struct vendors vendors;
	struct vendors only;	/* the targets it is for; none: every target */
};

struct ast_element {
	struct number index;
	struct ident name;
	struct srcpos pos;
};

struct ast_handling {
	struct ident platform;
	enum dir dir;
	struct srcpos dir_pos;
	enum hkind kind;
	struct srcpos kind_pos;
	bool has_value;
	struct number value;	/* ignore N */
	struct ident word;	/* H_WORD: the platform's name for it */
	struct ident func;	/* call, fixup */
	VEC(struct ident) args;	/* call's constant arguments, as written */
	struct vendors only;	/* the targets it is for; none: every target */
	struct srcpos pos;	/* the whole statement */
};

/* An attribute statement inside an msr body. */
/* The shadow statement, for messages */
#define SHADOW_FORM "shadow percpu [deferred] [reset VALUE];"

enum attr_kind { ATTR_DOC, ATTR_ACCESS, ATTR_VENDOR, ATTR_NS, ATTR_WRITEBACK, ATTR_ONLY, ATTR_SHADOW };
#define NATTR (ATTR_SHADOW + 1)
struct ast_attr {
	enum attr_kind kind;
	struct srcpos pos;
	char *str;		/* doc */
	enum access access;
	struct vendors vendors;	/* vendor: the vendors; only: the targets */
	struct ident scope;	/* shadow: its kind of copy, as written (percpu) */
	struct ident reset_word;	/* shadow: "reset", as written; no name: none */
	struct number reset;	/* shadow: the value after reset */
	struct ident mode_word;	/* shadow: "deferred", as written; no name: none */
};

struct ast_msr {
	struct ident name;
	struct srcpos pos;	/* the msr keyword */
	bool has_addr;		/* false: extends a declaration made elsewhere */
	struct number addr;
	enum msr_kind kind;
	struct number count;
	bool has_stride;
	struct number stride;
	struct ident param;	/* indexed: NAME(param) */
	VEC(struct ast_attr) attrs;
	VEC(struct ast_alias) aliases;
	VEC(struct ast_element) elements;
	VEC(struct ast_field) fields;
	VEC(struct ast_bits) reserved;
	VEC(struct ast_handling) handlings;
};

/*
 * An address range a platform's handling claims at run time (handling perf
 * "..." { 0xc1 .. 0xc8 "when"; }): the platform's code takes the access there
 * under the condition given, or only recognises it and lets it through
 * (passthrough).
 */
struct ast_wrange {
	struct number first, last;
	bool passthrough;
	char *note;
	struct srcpos pos;
};

/* A handling or hypervisor behaviour a platform declares: its own words */
struct ast_word {
	struct ident name;
	enum hvbeh like;	/* a behaviour: the language's one it counts as */
	char *doc;
	struct srcpos doc_pos;
	VEC(struct ast_wrange) ranges;	/* a handling: the addresses it claims */
};

struct ast_platform {
	struct ident name;
	struct srcpos pos;
	bool has_feature;
	struct ident feature;
	char *doc;
	struct srcpos doc_pos;
	VEC(struct ast_word) handlings;	/* handling NAME "doc"; */
	VEC(struct ast_word) behaviours;	/* behaviour NAME like B "doc"; */
};

struct ast_hventry {
	bool is_default;
	bool by_name;
	struct ident name;	/* by_name */
	struct number first, last;
	enum dir dir;
	enum hvbeh beh;
	struct number value;	/* const */
	struct ident word;	/* a behaviour its platform declares */
	char *note;
	struct srcpos pos;
};

struct ast_hypervisor {
	struct ident name;
	struct ident platform;
	struct srcpos pos;
	char *doc;
	struct srcpos doc_pos;
	VEC(struct ast_hventry) entries;
};

struct ast {
	VEC(struct srcfile *) files;	/* every file read, in order */
	VEC(struct ast_platform *) platforms;
	VEC(struct ast_msr *) msrs;
	VEC(struct ast_hypervisor *) hypervisors;
	VEC(struct ast_msr *) scoped_out;	/* what only lists left out, to be freed */
};

/* parser.y: parses path and what it includes into ast; false on any error. */
bool parse_file(struct ast *ast, const char *path);
bool parse_string(struct ast *ast, const char *name, const char *text);
/* Whether word is a keyword of the language (import must not write one as a name) */
bool parse_is_keyword(const char *word);
void ast_free(struct ast *ast);
#define MAX_INCLUDE_DEPTH 64
/* Fuzzing: read sources only from these files in memory, never the filesystem; NULL: off */
struct memfile {
	const char *name;
	const char *text;
	size_t len;
};
void parse_set_memfiles(const struct memfile *files, size_t n);

/* lexer.re: the scanner state the parser drives */
struct lexer {
	struct srcfile *file;
	const char *cur, *lim, *tok;
	int line;
	const char *line_start;
	bool binary;		/* the file holds a NUL byte: not text at all */
	int quiet_line;		/* a bad byte was reported on this line: no more */
};
void lex_init(struct lexer *lx, struct srcfile *file);
/* lex_next() is declared in parser.h, which owns the token types. */
const char *access_name(enum access a);
const char *dir_name(enum dir d);
const char *hkind_name(enum hkind k);
const char *hvbeh_name(enum hvbeh b);

/* The checked model */
struct platform {
	const struct ast_platform *ast;
	const char *name;
	const char *feature;	/* "" for the base platform */
	const char *doc;
};

struct handling {
	enum hkind kind;
	const struct ast_handling *ast;	/* NULL: the default passthrough */
};
/* The word a handling is written with: hkind_name(), or the platform's own */
const char *handling_name(const struct handling *h);
const char *handling_word(const struct ast_handling *h);
/* The handling (beh false) or behaviour platform p declares named name, or NULL */
const struct ast_word *platform_word(const struct ast_platform *p, bool beh, const char *name);

struct decl {
	const struct ast_msr *ast;	/* the statement with the address */
	VEC(const struct ast_msr *) parts;	/* it and every extension, in order */
	const char *name;
	char *did;
	enum access access;
	const struct ast_attr *attr[NATTR];	/* where each was set */
	const char *doc;
	const struct vendors *vendors;	/* NULL: any */
	bool ns;
	bool writeback;	/* the hypervisor probe may write back what it read */
	bool shadow;	/* each CPU keeps a copy of the last value written */
	uint64_t shadow_reset;	/* what the copy holds when the MSR cannot be read */
	bool shadow_deferred;	/* the copy may lead the register (shadow percpu deferred) */
	VEC(const struct ast_alias *) aliases;
	VEC(const struct ast_element *) elements;
	VEC(const struct ast_field *) fields;	/* with their annotations merged in */
	VEC(struct ast_field *) merged;		/* the model's own copies among them */
	VEC(const struct ast_bits *) reserved;
	VEC(size_t) regs;	/* its registers: indexes into model.regs, by address */
	/* per platform (model order) and direction (0 read, 1 write) */
	struct handling *handling;
};

struct reg {
	char *id;
	char *macro;
	uint32_t addr;
	struct decl *decl;
	uint64_t index;
};

struct hvrange {
	uint32_t first, last;
	enum dir dir;
	enum hvbeh beh;
	const char *word;	/* as written: hvbeh_name(beh), or the platform's word */
	uint64_t value;
	const char *note;
	const struct ast_hventry *ast;
};

struct hypervisor {
	const struct ast_hypervisor *ast;
	const char *name;
	struct platform *platform;
	enum hvbeh dflt[2];
	const char *dflt_word[2];
	uint64_t dflt_value[2];
	VEC(struct hvrange) ranges;	/* sorted by first address */
	/* per direction (0 read, 1 write): indices into ranges, which do not overlap
	 * once the checks pass (hypervisor-overlap); model_hv_lookup() searches them */
	VEC(size_t) by_dir[2];
};

struct model {
	struct ast *ast;
	VEC(struct platform) platforms;	/* base first, then by name */
	VEC(struct decl *) decls;	/* by base address, then name */
	VEC(struct reg) regs;		/* by address, then macro */
	VEC(struct hypervisor) hypervisors;	/* by name */
	VEC(struct decl *) by_name;	/* decls by name, for model_find_decl() */
	bool too_many_regs;	/* more than MAX_REGS: regs holds the first ones only */
};

/* model.c */
/* Limits that keep time and memory bounded (checks.c reports them) */
#define MAX_REGS 262144
#define MAX_ELEMENTS 4096	/* of an array or indexed MSR */
#define STR_(x) #x
#define STR(x) STR_(x)		/* STR(MAX_ELEMENTS): "4096" */
#define MAX_PLATFORMS 64
#define MAX_HYPERVISORS 64
/* The index the checks read (first wins where the tree repeats itself) */
void model_index(struct model *m, struct ast *ast);
/* The rest, from a tree whose checks passed: handlings, hypervisor tables */
void model_resolve(struct model *m);
void model_free(struct model *m);	/* the model, not the tree it points into */
struct decl *model_find_decl(const struct model *m, const char *name);
int model_platform_index(const struct model *m, const char *name);
const struct reg *model_find_reg(const struct model *m, uint32_t addr);
/* The register whose macro is macro (first by address), or NULL */
const struct reg *model_find_reg_macro(const struct model *m, const char *macro);
/* What hypervisor hv does for dir (DIR_READ or DIR_WRITE) at addr. */
const struct hvrange *model_hv_lookup(const struct hypervisor *hv, uint32_t addr,
				      enum dir dir);

/* checks.c: a named table of checks over the tree and the model */
/*
 * The model of a parsed tree: the index, the checks of the tree, and only if
 * they pass model_resolve() and the checks of the model.  True if no error.
 */
bool checks_build(struct model *m, struct ast *ast);
void checks_list(FILE *f);
/* Warnings are checks: the check's name is the -W switch. False if no such warning. */
bool checks_set_warning(const char *name, bool on);
/* The argument of -W: "error", NAME or no-NAME; false if NAME is no warning */
bool checks_option(const char *arg);
/* The warning nearest to name, for a "did you mean"; NULL if none is near */
const char *checks_near_warning(const char *name);
/* usage_error() for -WARG that names no warning, with a "did you mean" */
int unknown_warning(const char *cmd, const char *arg);
/* Parses files; unless that failed, builds the model and checks it.  !diag_errors().
   For no target: the tables whole, what any target gets */
bool checks_load(struct ast *ast, struct model *m, int nfiles, char **files);
/* The same for one target: what only lists leave out of it is not read (scope.c);
   templates: where the targets the lists name must be (NULL: not checked) */
bool checks_load_for(struct ast *ast, struct model *m, int nfiles, char **files,
		     const char *templates, const char *target);
/* scope.c */
void scope_names(const struct ast *ast, const char *templates);
void scope_tree(struct ast *ast, const char *target);
/* The only list of an MSR statement, or NULL; whether two lists share no target */
const struct vendors *scope_of(const struct ast_msr *m);
bool scope_disjoint(const struct vendors *a, const struct vendors *b);
bool checks_warning_enabled(const char *name);
/* The checks of the names target makes (its names.conf); !diag_errors() as it was */
bool checks_target(struct model *m, const char *templates, const char *target);

/*
 * target.c: a target's own facts (templates/TARGET/target.conf, docs/templates.md):
 * the prelude its templates share, the folders they include from, how import
 * reads its kernel's MSR header.  No file: all empty.
 */
struct target_range {
	uint32_t first, last;
};
struct target_vendor {
	char *vendor;
	VEC(char *) prefixes;	/* "?" stands for a hexadecimal digit */
};
struct target_text {
	char *key, *text;
};
struct target_conf {
	char *path;
	struct srcfile *file;		/* NULL: the target has none */
	char *preload;			/* preload FILE, or NULL */
	VEC(char *) shares;		/* share FOLDER... */
	char *import_prefix;		/* import-prefix WORD, or NULL */
	VEC(struct target_range) import_ranges;
	VEC(struct target_vendor) import_vendors;
	char *scope;			/* scope: the target whose tables it renders (only lists) */
	char *audit_platform;		/* audit-platform: whose code the audit words name */
	VEC(struct target_text) audit_words;	/* audit-word KEY TEXT */
	VEC(struct target_text) audit_calls;	/* audit-call HANDLER TEXT */
};
/* False with the errors reported if the file is there but wrong */
bool target_conf_load(struct target_conf *t, const char *templates, const char *target);
void target_conf_free(struct target_conf *t);

/* render.c, records.c, outputs.c */
struct output {
	char *path;	/* relative to the output directory */
	char *text;
	size_t len;
};
struct outputs {
	VEC(struct output) files;
	char digest[65];	/* SHA-256 of the model text and the templates: the inputs */
};
/*
 * The model as m4 records (records.c), in the order of record_names.  Each
 * record of the text is one call, so that the text can also be cut into the
 * records of some kinds (render.c, model_files()).
 */
enum record {
	REC_PLATFORM, REC_DECL, REC_ALIAS, REC_FIELD, REC_VALUE, REC_RESERVED, REC_MSR,
	REC_HANDLE, REC_ON, REC_SHADOW, REC_HANDLER, REC_HYPERVISOR, REC_HVDEFAULT, REC_HV, NREC
};
extern const char *const record_names[NREC];
/* Where each record starts in the model text, and its kind. */
struct record_span {
	size_t start;
	enum record kind;
	const struct srcpos *pos;	/* what in the table it is made from */
};
struct record_spans {
	VEC(struct record_span) v;
};
/* spans: where each record starts, or NULL */
void records_text(const struct model *m, struct strbuf *sb, struct record_spans *spans);
void render_model_text(const struct model *m, struct strbuf *sb);
/* Where targets live: $MSRGEN_TEMPLATES if set, else MSRGEN_TEMPLATE_DIR */
const char *render_templates_dir(void);
bool render_target(const struct model *m, const char *tmpl_root, const char *target,
		   struct outputs *out);
/* Whether a generated file's banner digest is that of its contents */
bool render_digest_ok(const char *text, size_t len);
bool outputs_write(const struct outputs *out, const char *dir);
/*
 * Removes path if a signal ends msrgen, until cleanup_forget(path) (cleanup.c);
 * dir: 0 a file, 1 an empty folder, 2 a tree.  The string must live that long.
 */
void cleanup_add(char *path, int dir);
void cleanup_forget(const char *path);
/* Removes the tree path (rm -rf) if a signal ends msrgen, until cleanup_tree_forget() */
void cleanup_tree_add(char *path);
void cleanup_tree_forget(const char *path);
/* 0: same, 1: differs (diff printed), 2: error */
int outputs_check(const struct outputs *out, const char *dir);
void outputs_free(struct outputs *out);

/* sites.c: where a kernel accesses MSRs (a source scan, or a vmlinux .msr_sites) */
#define SITE_WRITE 1u		/* the record flags of .msr_sites */
#define SITE_SAFE 2u
#define SITE_NS 4u
#define SITE_VARIABLE 8u	/* the MSR number is not a constant */
#define SITE_NO_MSR 0xffffffffu
struct site {
	uint64_t addr;		/* in the image; 0 for a source scan */
	uint32_t msr;		/* SITE_NO_MSR when not a constant */
	unsigned flags;
	char *where;		/* FILE:LINE ("??:0" when the line table has none) */
};
struct sites {
	char *origin;		/* what they were read from */
	bool image;		/* from a vmlinux (else a source scan) */
	int addr_bytes;		/* 8 or 4 in an image */
	VEC(struct site) v;	/* by MSR, then where */
	size_t unknown;		/* scan lines naming MSRs the tables do not have */
};
/* A tools/scan-msr-sites listing; false with a message on stderr */
bool sites_load_scan(struct sites *s, const struct model *m, const char *path);
/* The .msr_sites section of an ELF file, lines by addr2line; false with a message */
bool sites_load_image(struct sites *s, const char *path);
void sites_free(struct sites *s);
/* msrgen sites: one line per site */
void sites_render(const struct sites *s, const struct model *m, struct strbuf *sb);

/* audit.c */
enum audit_format { AUDIT_MD, AUDIT_CSV, AUDIT_JSON, AUDIT_RST };
struct audit_opts {
	enum audit_format fmt;
	const char *msr;	/* --msr NAME|ADDRESS: that MSR only */
	const char *finding;	/* --finding KIND: MSRs with that finding */
	bool special;		/* --special: MSRs a platform handles specially */
	bool list_sites;	/* --sites: each MSR's sites */
	const struct sites *sites;	/* NULL: none known */
	const struct target_conf *words;	/* the target's audit-* lines, or NULL */
};
/* 0; 2 with a message on stderr when --msr or --finding names nothing */
int audit_run(const struct model *m, const struct audit_opts *o, struct strbuf *sb);
void audit_render(const struct model *m, enum audit_format fmt, struct strbuf *sb);
/* The names of the finding kinds, for msrgen(1) and the usage errors */
const char *audit_finding_name(int kind);
int audit_finding_count(void);

/* import.c */
/* The first lines of a file import wrote say so */
#define IMPORT_MARK "Written by `msrgen import`"
int import_main(int argc, char **argv);

/* install.c: msrgen install | patch (argv[0] is the command) */
int install_main(int argc, char **argv);

/* hvprobe.c: msrgen hvprobe (argv[0] is the command) */
int hvprobe_main(int argc, char **argv);

#endif
