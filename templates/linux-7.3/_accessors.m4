m4_divert(-1)
What asm/msr-gen.h and asm/msr-gen-regs.h share (for m4_include only;
produces no text; needs _lib.m4): the expression of a register's site on
Xen PV, and the named accessors.

_mg_rd_x(id, address[, p]): the read site of a register whose Xen PV read
is not passthrough, one of the __msrgen_rd_*() macros of asm/msr-gen.h (with
p: the _safe form storing the value at p).
m4_define([[_mg_rd_x]], [[m4_ifelse(_mg_xk([[$1]], [[read]]), [[ignore]],
	[[m4_ifelse(_mg_k32(_mg_xa([[$1]], [[read]])), [[1]], [[__msrgen_rd_k32]], [[__msrgen_rd_k64]])]],
	[[__msrgen_rd_stub]])[[]]m4_ifelse([[$3]], [[]], [[]], [[_safe]])($1, $2[[]]m4_ifelse([[$3]], [[]], [[]], [[, $3]])[[]]m4_ifelse(_mg_xk([[$1]], [[read]]), [[ignore]], [[, _mg_xa([[$1]], [[read]])ULL]]))]])
_mg_wr_x(id, address, val[, safe]): the write site of a register whose Xen
PV write is not passthrough (safe non-empty: the _safe form, an int).
m4_define([[_mg_wr_x]], [[__msrgen_wr[[]]m4_ifelse(_mg_ns([[$1]]), [[1]], [[_ns]])[[]]m4_ifelse(_mg_xk([[$1]], [[write]]), [[ignore]], [[_ign]], [[_stub]])[[]]m4_ifelse([[$4]], [[]], [[]], [[_safe]])($1, $2, $3)]])
_mg_wr_pt(id): the passthrough write shape of id (WRMSRNS or not).
m4_define([[_mg_wr_pt]], [[m4_ifelse(_mg_ns([[$1]]), [[1]], [[__msrgen_wr_pt_ns]], [[__msrgen_wr_pt]])]])

_mg_brief(function, brief...): the first brief that fits a kernel-doc line of 100 columns.
m4_define([[_mg_brief]], [[m4_ifelse([[$#]], [[2]], [[$2]], [[m4_ifelse(m4_eval(m4_len([[ * $1() - $2]]) <= 100), [[1]], [[$2]], [[_mg_brief([[$1]], m4_shift(m4_shift($@)))]])]])]])

m4_define([[_mg_doc_xen]], [[_mg_doc_xen2(_mg_xk([[$1]], [[$2]]), [[$1]], [[$2]])]])
m4_define([[_mg_doc_xen2]], [[m4_ifelse([[$1]], [[passthrough]], [[the instruction traps to Xen]],
	[[$1]], [[ignore]], [[m4_ifelse([[$3]], [[read]], [[yields _mg_xa([[$2]], [[read]])]], [[ignored]])]],
	[[$1]], [[call]], [[_mg_xa([[$2]], [[$3]])(_mg_cargs([[_mg_xargs([[$2]], [[$3]])]])val)]],
	[[$1]], [[perf]], [[Xen vPMU emulation, else the instruction]],
	[[$1]], [[fixup]], [[the instruction, then _mg_xa([[$2]], [[$3]])()]])]])

_mg_xen_or(id, dir, xen, other): the body line xen under CONFIG_XEN_PV if
id's Xen PV handling of dir is not passthrough, else other alone.
m4_define([[_mg_xen_or]], [[m4_ifelse(_mg_xen([[$1]], [[$2]]), [[1]], [[#ifdef CONFIG_XEN_PV
	$3;
#else
	$4;
#endif]], [[	$4;]])]])

m4_define([[_mg_read]], [[
/**
 * msr_read_$1() - _mg_brief([[msr_read_$1]], [[Read $2 ($3)]], [[Read $2]], [[Read the MSR]])
 *
 * $4.
 * Xen PV: _mg_doc_xen([[$1]], [[read]]).
 *
 * Return: the register value; 0 if the read faulted (reported once).
 */
static __always_inline u64 msr_read_$1(void)
{
_mg_xen_or([[$1]], [[read]], [[return _mg_rd_x([[$1]], [[$3]])]], [[return __msrgen_rd_pt($3)]])
}

/**
 * msr_read_$1_safe() - _mg_brief([[msr_read_$1_safe]], [[Read $2, reporting a fault]], [[Read $2 or fail]], [[Read the MSR or fail]])
 * @p: where the value (0 after a fault) is stored
 *
 * Return: 0, or -EIO if the read faulted.
 */
static __always_inline int msr_read_$1_safe(u64 *p)
{
_mg_xen_or([[$1]], [[read]], [[return _mg_rd_x([[$1]], [[$3]], [[p]])]], [[return __msrgen_rd_pt_safe($3, p)]])
}
]])

m4_define([[_mg_write]], [[
/**
 * msr_write_$1() - _mg_brief([[msr_write_$1]], [[Write $2 ($3)]], [[Write $2]], [[Write the MSR]])
 * @val: the value
 *
 * $4.
 * Xen PV: _mg_doc_xen([[$1]], [[write]]).m4_ifelse(_mg_ns([[$1]]), [[1]], [[
 * Non-serializing (WRMSRNS) where available.]])
 * A fault is reported once and otherwise ignored.
 */
static __always_inline void msr_write_$1(u64 val)
{
_mg_xen_or([[$1]], [[write]], [[_mg_wr_x([[$1]], [[$3]], [[val]])]], [[_mg_wr_pt([[$1]])($3, val)]])
}

/**
 * msr_write_$1_safe() - _mg_brief([[msr_write_$1_safe]], [[Write $2, reporting a fault]], [[Write $2 or fail]], [[Write the MSR or fail]])
 * @val: the value
 *
 * Return: 0, or -EIO if the write faulted.
 */
static __always_inline int msr_write_$1_safe(u64 val)
{
_mg_xen_or([[$1]], [[write]], [[return _mg_wr_x([[$1]], [[$3]], [[val]], [[safe]])]], [[return _mg_wr_pt([[$1]])_safe($3, val)]])
}
]])

_mg_accessors(id, name, address, doc): the accessors id has.
m4_define([[_mg_accessors]], [[m4_ifelse(_mg_has([[$1]], [[read]]), [[1]], [[_mg_read([[$1]], [[$2]], [[$3]], [[$4]])]])m4_dnl
m4_ifelse(_mg_has([[$1]], [[write]]), [[1]], [[_mg_write([[$1]], [[$2]], [[$3]], [[$4]])]])]])
m4_divert(0)m4_dnl
