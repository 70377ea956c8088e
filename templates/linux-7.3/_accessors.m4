m4_divert(-1)
The named accessors of asm/msr-gen-regs.h (for m4_include only; produces
no text; needs _lib.m4): each one is rdmsrq(), wrmsrq() or their _safe
form with the register's constant number, so it gets the register's site.

_mg_brief(function, brief...): the first brief that fits a kernel-doc line of 100 columns.
m4_define([[_mg_brief]], [[m4_ifelse([[$#]], [[2]], [[$2]], [[m4_ifelse(m4_eval(m4_len([[ * $1() - $2]]) <= 100), [[1]], [[$2]], [[_mg_brief([[$1]], m4_shift(m4_shift($@)))]])]])]])

m4_define([[_mg_doc_xen]], [[_mg_doc_xen2(_mg_xk([[$1]], [[$2]]), [[$1]], [[$2]])]])
m4_define([[_mg_doc_xen2]], [[m4_ifelse([[$1]], [[passthrough]], [[the instruction traps to Xen]],
	[[$1]], [[ignore]], [[m4_ifelse([[$3]], [[read]], [[yields _mg_xa([[$2]], [[read]])]], [[ignored]])]],
	[[$1]], [[call]], [[_mg_xa([[$2]], [[$3]])(_mg_cargs([[_mg_xargs([[$2]], [[$3]])]])val)]],
	[[$1]], [[perf]], [[Xen vPMU emulation, else the instruction]],
	[[$1]], [[fixup]], [[the instruction, then _mg_xa([[$2]], [[$3]])()]])]])

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
	u64 val;

	rdmsrq($3, val);
	return val;
}

/**
 * msr_read_$1_safe() - _mg_brief([[msr_read_$1_safe]], [[Read $2, reporting a fault]], [[Read $2 or fail]], [[Read the MSR or fail]])
 * @p: where the value (0 after a fault) is stored
 *
 * Return: 0, or -EIO if the read faulted.
 */
static __always_inline int msr_read_$1_safe(u64 *p)
{
	return rdmsrq_safe($3, p);
}
]])

m4_define([[_mg_write]], [[
/**
 * msr_write_$1() - _mg_brief([[msr_write_$1]], [[Write $2 ($3)]], [[Write $2]], [[Write the MSR]])
 * @val: the value
 *
 * $4.
 * Xen PV: _mg_doc_xen([[$1]], [[write]]).
 * A fault is reported once and otherwise ignored.
 */
static __always_inline void msr_write_$1(u64 val)
{
	wrmsrq($3, val);
}

/**
 * msr_write_$1_safe() - _mg_brief([[msr_write_$1_safe]], [[Write $2, reporting a fault]], [[Write $2 or fail]], [[Write the MSR or fail]])
 * @val: the value
 *
 * Return: 0, or -EIO if the write faulted.
 */
static __always_inline int msr_write_$1_safe(u64 val)
{
	return wrmsrq_safe($3, val);
}
]])

_mg_accessors(id, name, address, doc): the accessors id has.
m4_define([[_mg_accessors]], [[m4_ifelse(_mg_has([[$1]], [[read]]), [[1]], [[_mg_read([[$1]], [[$2]], [[$3]], [[$4]])]])m4_dnl
m4_ifelse(_mg_has([[$1]], [[write]]), [[1]], [[_mg_write([[$1]], [[$2]], [[$3]], [[$4]])]])]])
m4_divert(0)m4_dnl
