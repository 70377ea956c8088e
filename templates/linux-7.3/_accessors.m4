m4_divert(-1)
The site expressions of asm/msr-gen.h (for m4_include only;
produces no text; needs _lib.m4): the expression of a register's site on
Xen PV.

_mg_rd_x(id, address[, p]): the read site of a register whose Xen PV read
is not passthrough, one of the __msrgen_rd_*() macros of asm/msr-gen.h (with
p: the _safe form storing the value at p).
m4_define([[_mg_rd_x]], [[m4_ifelse(_mg_xk([[$1]], [[read]]), [[ignore]],
	[[m4_ifelse(_mg_k32(_mg_xa([[$1]], [[read]])), [[1]], [[__msrgen_rd_k32]], [[__msrgen_rd_k64]])]],
	[[__msrgen_rd_stub]])[[]]m4_ifelse([[$3]], [[]], [[]], [[_safe]])($1, $2[[]]m4_ifelse([[$3]], [[]], [[]], [[, $3]])[[]]m4_ifelse(_mg_xk([[$1]], [[read]]), [[ignore]], [[, _mg_xa([[$1]], [[read]])ULL]]))]])
_mg_wr_x(id, address, val[, safe]): the write site of a register whose Xen
PV write is not passthrough (safe non-empty: the _safe form, an int).
m4_define([[_mg_wr_x]], [[__msrgen_wr[[]]m4_ifelse(_mg_ns([[$1]]), [[1]], [[_ns]])[[]]m4_ifelse(_mg_xk([[$1]], [[write]]), [[ignore]], [[_ign]], [[_stub]])[[]]m4_ifelse([[$4]], [[]], [[]], [[_safe]])($1, $2, $3)]])
m4_divert(0)m4_dnl
