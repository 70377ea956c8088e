m4_divert(-1)
Shared helpers of the linux-7.3 templates (for m4_include only; produces no text).

Storage: _mg_set(key, value) / _mg_get(key, default).
m4_define([[_mg_set]], [[m4_define([[_mg_v_$1]], [[$2]])]])
m4_define([[_mg_get]], [[m4_ifdef([[_mg_v_$1]], [[m4_indir([[_mg_v_$1]])]], [[$2]])]])
m4_define([[_mg_upper]], [[m4_translit([[$1]], [[abcdefghijklmnopqrstuvwxyz]], [[ABCDEFGHIJKLMNOPQRSTUVWXYZ]])]])
m4_define([[_mg_lower]], [[m4_translit([[$1]], [[ABCDEFGHIJKLMNOPQRSTUVWXYZ]], [[abcdefghijklmnopqrstuvwxyz]])]])

_mg_once(key): 1 the first time key is seen, then 0.
m4_define([[_mg_once]], [[m4_ifdef([[_mg_seen_$1]], [[0]], [[m4_define([[_mg_seen_$1]], [[1]])1]])]])

_mg_k32(hex): 1 if the constant fits in 32 bits (mov $imm32,%eax zero-extends).
m4_define([[_mg_k32]], [[m4_eval(m4_len(m4_patsubst([[$1]], [[^0x0*]], [[]])) <= 8)]])

Collection pass: per register access, ns, address, macro, and the Xen PV handling.
m4_define([[MSRGEN_MSR]], [[_mg_set([[acc_$1]], [[$6]])_mg_set([[ns_$1]], [[$8]])_mg_set([[addr_$1]], [[$3]])_mg_set([[macro_$1]], [[$2]])]])
m4_define([[MSRGEN_HANDLE]], [[m4_ifelse([[$5]], [[]], [[m4_ifelse([[$7]], [[passthrough]], [[]], [[MSRGEN_FAIL([[$2: the base platform must be passthrough]])]])]],
	[[$5]], [[X86_FEATURE_XENPV]], [[_mg_set([[xk_$1_$6]], [[$7]])_mg_set([[xa_$1_$6]], [[$8]])_mg_set([[xargs_$1_$6]], [[$9]])m4_ifelse([[$7]], [[call]], [[_mg_set([[hcall_$8_$6]], [[$9]])]], [[$7]], [[fixup]], [[_mg_set([[hfix_$8]], [[1]])]])]],
	[[m4_ifelse([[$7]], [[passthrough]], [[]], [[MSRGEN_FAIL([[$2: platform feature $5 is not supported by target linux-7.3 (only X86_FEATURE_XENPV)]])]])]])]])
MSRGEN_MODEL
m4_define([[MSRGEN_MSR]], [[]])
m4_define([[MSRGEN_HANDLE]], [[]])

_mg_xk(id, dir): Xen PV handling kind; _mg_xa: its argument; _mg_xargs: call arguments.
m4_define([[_mg_xk]], [[_mg_get([[xk_$1_$2]], [[passthrough]])]])
m4_define([[_mg_xa]], [[_mg_get([[xa_$1_$2]], [[]])]])
m4_define([[_mg_xargs]], [[_mg_get([[xargs_$1_$2]], [[]])]])
m4_define([[_mg_has]], [[m4_ifelse([[$2]], [[read]], [[m4_ifelse(_mg_get([[acc_$1]]), [[wo]], [[0]], [[1]])]], [[m4_ifelse(_mg_get([[acc_$1]]), [[ro]], [[0]], [[1]])]])]])
_mg_xen(id, dir): 1 if the Xen PV handling is not passthrough.
m4_define([[_mg_xen]], [[m4_ifelse(_mg_xk([[$1]], [[$2]]), [[passthrough]], [[0]], [[1]])]])
_mg_code(id, dir): 1 if the Xen PV handling is code (call, perf, fixup): the
site calls xen_pv_rdmsr() or xen_pv_wrmsr().
m4_define([[_mg_code]], [[m4_ifelse(_mg_xk([[$1]], [[$2]]), [[passthrough]], [[0]], _mg_xk([[$1]], [[$2]]), [[ignore]], [[0]], [[1]])]])
_mg_ns(id): 1 if writes may use WRMSRNS.
m4_define([[_mg_ns]], [[_mg_get([[ns_$1]], [[0]])]])
_mg_rw(dir): rd or wr.
m4_define([[_mg_rw]], [[m4_ifelse([[$1]], [[read]], [[rd]], [[wr]])]])
_mg_hargs(id, dir): the call handling's constant arguments and a comma, or nothing
(read through m4_defn, so that the commas between them stay inside).
m4_define([[_mg_hargs]], [[m4_ifdef([[_mg_v_xargs_$1_$2]], [[m4_ifelse(m4_defn([[_mg_v_xargs_$1_$2]]), [[]], [[]],
	[[m4_defn([[_mg_v_xargs_$1_$2]]), ]])]])]])
m4_divert(0)m4_dnl
