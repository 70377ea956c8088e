m4_divert(-1)
The accessors of one register (for m4_include only; produces no text): the
definitions of asm/msr-gen.h (registers whose Xen PV handling is not
passthrough, or whose writes may use WRMSRNS) and asm/msr-gen-regs.h (the
others) share them.  Needs _lib.m4.

Accessors. _mg_site_rd(id, addr, safe) is the asm statement of a read site.
_mg_rd_site(id), _mg_wr_site(id): the site of a register with Xen PV handling.
m4_define([[_mg_rd_site]], [[m4_ifelse(_mg_xk([[$1]], [[read]]), [[ignore]],
	[[m4_ifelse(_mg_k32(_mg_xa([[$1]], [[read]])), [[1]], [[__MSRGEN_RD_XEN_K32]], [[__MSRGEN_RD_XEN_K64]])]],
	[[__MSRGEN_RD_XEN_STUB]])($1)]])
m4_define([[_mg_rd_kop]], [[m4_ifelse(_mg_xk([[$1]], [[read]]), [[ignore]], [[, [k] "i" (_mg_xa([[$1]], [[read]])ULL)]])]])
m4_define([[_mg_wr_site]], [[__MSRGEN_WR_XEN[[]]m4_ifelse(_mg_ns([[$1]]), [[1]], [[_NS]])[[]]m4_ifelse(_mg_xk([[$1]], [[write]]), [[ignore]], [[_IGN]], [[_STUB]])($1)]])
m4_define([[_mg_wr_pt]], [[m4_ifelse(_mg_ns([[$1]]), [[1]], [[__msrgen_wr_pt_ns]], [[__msrgen_wr_pt]])]])

_mg_brief(function, brief...): the first brief that fits a kernel-doc line of 100 columns.
m4_define([[_mg_brief]], [[m4_ifelse([[$#]], [[2]], [[$2]], [[m4_ifelse(m4_eval(m4_len([[ * $1() - $2]]) <= 100), [[1]], [[$2]], [[_mg_brief([[$1]], m4_shift(m4_shift($@)))]])]])]])
m4_define([[_mg_wr_pt]], [[m4_ifelse(_mg_ns([[$1]]), [[1]], [[__msrgen_wr_pt_ns]], [[__msrgen_wr_pt]])]])

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
m4_ifelse(_mg_xen([[$1]], [[read]]), [[1]], [[#ifdef CONFIG_XEN_PV
	u64 val;

	asm_inline __volatile__(__MSRGEN_SITE_START
				_mg_rd_site([[$1]])
				__MSRGEN_RD_END
				: "=a" (val), ASM_CALL_CONSTRAINT
				: [msr] "i" ($3)_mg_rd_kop([[$1]])
				: "rcx", "rdx");
	return val;
#else
	return __msrgen_rd_pt($3);
#endif
]], [[	return __msrgen_rd_pt($3);
]])}

/**
 * msr_read_$1_safe() - _mg_brief([[msr_read_$1_safe]], [[Read $2, reporting a fault]], [[Read $2 or fail]], [[Read the MSR or fail]])
 * @p: where the value (0 after a fault) is stored
 *
 * Return: 0, or -EIO if the read faulted.
 */
static __always_inline int msr_read_$1_safe(u64 *p)
{
m4_ifelse(_mg_xen([[$1]], [[read]]), [[1]], [[#ifdef CONFIG_XEN_PV
	u64 val;
	int err;

	asm_inline __volatile__(__MSRGEN_SITE_START
				_mg_rd_site([[$1]])
				__MSRGEN_RD_END_SAFE
				: [err] "=r" (err), "=a" (val), ASM_CALL_CONSTRAINT
				: [msr] "i" ($3)_mg_rd_kop([[$1]])
				: "rcx", "rdx");
	*p = val;
	return err;
#else
	return __msrgen_rd_pt_safe($3, p);
#endif
]], [[	return __msrgen_rd_pt_safe($3, p);
]])}
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
m4_ifelse(_mg_xen([[$1]], [[write]]), [[1]], [[#ifdef CONFIG_XEN_PV
	asm_inline __volatile__(__MSRGEN_SITE_START
				_mg_wr_site([[$1]])
				__MSRGEN_WR_END
				: ASM_CALL_CONSTRAINT
				: "a" (val), [msr] "i" ($3)
				: "rcx", "rdx", "memory");
#else
	_mg_wr_pt([[$1]])($3, val);
#endif
]], [[	_mg_wr_pt([[$1]])($3, val);
]])}

/**
 * msr_write_$1_safe() - _mg_brief([[msr_write_$1_safe]], [[Write $2, reporting a fault]], [[Write $2 or fail]], [[Write the MSR or fail]])
 * @val: the value
 *
 * Return: 0, or -EIO if the write faulted.
 */
static __always_inline int msr_write_$1_safe(u64 val)
{
m4_ifelse(_mg_xen([[$1]], [[write]]), [[1]], [[#ifdef CONFIG_XEN_PV
	int err;

	asm_inline __volatile__(__MSRGEN_SITE_START
				_mg_wr_site([[$1]])
				__MSRGEN_WR_END_SAFE
				: [err] "=r" (err), ASM_CALL_CONSTRAINT
				: "a" (val), [msr] "i" ($3)
				: "rcx", "rdx", "memory");
	return err;
#else
	return _mg_wr_pt([[$1]])_safe($3, val);
#endif
]], [[	return _mg_wr_pt([[$1]])_safe($3, val);
]])}
]])


_mg_core(id): 1 if the dispatch of asm/msr-gen.h names the accessors of id.
m4_define([[_mg_core]], [[m4_eval(_mg_xen([[$1]], [[read]]) || _mg_xen([[$1]], [[write]]) || _mg_ns([[$1]]))]])

_mg_accessors(id, name, address, doc): the accessors id has.
m4_define([[_mg_accessors]], [[m4_ifelse(_mg_has([[$1]], [[read]]), [[1]], [[_mg_read([[$1]], [[$2]], [[$3]], [[$4]])]])m4_dnl
m4_ifelse(_mg_has([[$1]], [[write]]), [[1]], [[_mg_write([[$1]], [[$2]], [[$3]], [[$4]])]])]])
m4_divert(0)m4_dnl
