m4_divert(-1)
Shadowed MSRs, for every linux-* target (for m4_include only; produces no
text).  A target's _lib.m4 includes this file after it defines _mg_rdq and
_mg_wrq, the names of the kernel's 64-bit read and write (rdmsrq and wrmsrq
in 7.3, rdmsrl and wrmsrl in 6.12): the cached accessors are named after
them.

_mg_shadowing is 1 if the table shadows any MSR (MSRGEN_SHADOW records);
_mg_shadows(macro) calls macro with the arguments of each MSRGEN_SHADOW
record (id, macro, addr, reset, ns, deferred); _mg_sh_text: what follows is
output if _mg_shadowing was 1, and dropped if it was 0.
m4_define([[_mg_shadow_any]], [[_mg_set([[shadowing]], [[1]])]])
m4_define([[_mg_shadowing]], [[m4_pushdef([[MSRGEN_SHADOW]], m4_defn([[_mg_shadow_any]]))MSRGEN_MODEL[[]]m4_popdef([[MSRGEN_SHADOW]])_mg_get([[shadowing]], [[0]])]])
m4_define([[_mg_shadows]], [[m4_pushdef([[MSRGEN_SHADOW]], m4_defn([[$1]]))MSRGEN_MODEL[[]]m4_popdef([[MSRGEN_SHADOW]])]])
m4_define([[_mg_sh_text]], [[m4_divert(m4_ifelse(_mg_get([[shadowing]], [[0]]), [[1]], [[0]], [[-1]]))]])
m4_divert(0)m4_dnl
