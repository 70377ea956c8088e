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

_mg_xenpv(macro): a pass over the registers as Xen PV handles them: macro is
called with the arguments of each MSRGEN_ON record of the Xen PV platform
(id, macro, addr, access, ns, platform, feature, read kind, arg, args,
write kind, arg, args).
m4_define([[_mg_on_xenpv]], [[m4_ifelse([[$7]], [[X86_FEATURE_XENPV]], [[_mg_each($@)]])]])
m4_define([[_mg_xenpv]], [[m4_pushdef([[_mg_each]], m4_defn([[$1]]))m4_pushdef([[MSRGEN_ON]], m4_defn([[_mg_on_xenpv]]))MSRGEN_MODEL[[]]m4_popdef([[MSRGEN_ON]])m4_popdef([[_mg_each]])]])

Of a handling kind (empty: the access has no such direction):
_mg_code(kind): 1 if the site calls xen_pv_rdmsr() or xen_pv_wrmsr() (call,
fixup, perf); _mg_xen(kind): 1 if not passthrough, 0 if passthrough.
m4_define([[_mg_code]], [[m4_ifelse([[$1]], [[]], [[0]], [[$1]], [[passthrough]], [[0]], [[$1]], [[ignore]], [[0]], [[1]])]])
m4_define([[_mg_xen]], [[m4_ifelse([[$1]], [[]], [[-]], [[$1]], [[passthrough]], [[0]], [[1]])]])
_mg_hargs(args): a call handling's constant arguments and a comma, or nothing
(pass args quoted: they may hold commas).
m4_define([[_mg_hargs]], [[m4_ifelse([[$1]], [[]], [[]], [[$1, ]])]])
m4_divert(0)m4_dnl
m4_divert(-1)
The kernel's 64-bit read and write, which the cached accessors of the
shared shadow templates (../_linux-common) are named after.
m4_define([[_mg_rdq]], [[rdmsrq]])
m4_define([[_mg_wrq]], [[wrmsrq]])
m4_divert(0)m4_include([[_shadow.m4]])m4_dnl
