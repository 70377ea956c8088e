# SPDX-License-Identifier: GPL-2.0
MSRGEN_BANNER_HASH
#
# Wire the generated MSR files into a Linux 7.3 tree.  Copy the generated
# tree over the kernel tree first, then run, from the top of the kernel tree:
#
#	sh scripts/msrgen/glue.sh
#
# It edits (once; a second run changes nothing):
#   lib/x86-opcode-map.txt     the immediate forms (also tools/ copy, objtool)
#   asm/extable_fixup_types.h  include asm/msr-gen-extable.h (EX_TYPE_MSR_REWIND)
#   mm/extable.c               dispatch EX_TYPE_MSR_REWIND; report the MSR
#                              number and value of the immediate forms
#   mm/Makefile, xen/Makefile  build the generated objects
#   asm/msr.h                  include asm/msr-gen.h (constant MSR numbers)
#   xen/enlighten_pv.c         xen_do_read_msr()/xen_do_write_msr() call the
#                              generated dispatcher
set -eu

die() {
	echo "msrgen glue: $*" >&2
	exit 1
}

# has FILE TEXT: FILE holds the fixed string TEXT
has() {
	grep -qF -- "$2" "$1"
}

need() {
	has "$1" "$2" || die "$1: cannot find '$2' (not a Linux 7.3 tree?)"
}

for f in arch/x86/include/asm/msr-gen.h arch/x86/xen/msr-gen.c \
	 arch/x86/xen/msr-gen-stubs.S arch/x86/mm/msr-gen-extable.c; do
	[ -f "$f" ] || die "$f missing: copy the generated files into the tree first"
done

# The instruction decoder (and objtool's copy) must know the immediate forms:
# VEX.128.F2.M7.W0 F6 /0 id (RDMSR) and VEX.128.F3.M7.W0 F6 /0 id (WRMSRNS).
for f in arch/x86/lib/x86-opcode-map.txt tools/arch/x86/lib/x86-opcode-map.txt; do
	[ -f $f ] || continue
	if ! has $f 'f6: RDMSR Rq,Id'; then
		need $f 'f8: URDMSR Rq,Id (F2),(v1),(11B)'
		sed -i '/^f8: URDMSR Rq,Id (F2),(v1),(11B)/i\
f6: RDMSR Rq,Id (F2),(v1),(11B) | WRMSRNS Id,Rq (F3),(v1),(11B)' $f
	fi
done

f=arch/x86/include/asm/extable_fixup_types.h
if ! has $f 'asm/msr-gen-extable.h'; then
	need $f '#define	EX_TYPE_ERETU'
	sed -i '/^#define\tEX_TYPE_ERETU/a\
\
#include <asm/msr-gen-extable.h>' $f
fi

f=arch/x86/mm/extable.c
if ! has $f 'EX_TYPE_MSR_REWIND'; then
	need $f '	case EX_TYPE_WRMSR:'
	need $f '(unsigned int)regs->cx'
	need $f '(unsigned int)regs->dx,'
	need $f '(unsigned int)regs->ax,'
	need $f '__ONCE_LITE_IF(!safe && '
	sed -i -e '/^\tcase EX_TYPE_WRMSR:$/i\
\tcase EX_TYPE_MSR_REWIND:\
\t\treturn ex_handler_msr_rewind(regs, trapnr, error_code, fault_addr);' \
	    -e 's/(unsigned int)regs->cx/msrgen_insn_msr(regs)/' \
	    -e 's/__ONCE_LITE_IF(!safe && /__ONCE_LITE_IF(!safe \&\& !msrgen_msr_quiet() \&\& /' \
	    -e 's/(unsigned int)regs->dx,/(unsigned int)(msrgen_insn_wrval(regs) >> 32),/' \
	    -e 's/(unsigned int)regs->ax,/(unsigned int)msrgen_insn_wrval(regs),/' $f
	has $f 'ex_handler_msr_rewind' || die "$f: edit failed"
fi

f=arch/x86/mm/Makefile
has $f 'msr-gen-extable.o' || printf '\nobj-y\t\t\t\t+= msr-gen-extable.o\n' >> $f

f=arch/x86/xen/Makefile
has $f 'msr-gen.o' || printf '\nobj-$(CONFIG_XEN_PV)\t\t+= msr-gen.o msr-gen-stubs.o\n' >> $f

f=arch/x86/include/asm/msr.h
if ! has $f 'asm/msr-gen.h'; then
	need $f '#endif	/* !CONFIG_PARAVIRT_XXL */'
	sed -i '/^#endif\t\/\* !CONFIG_PARAVIRT_XXL \*\//a\
\
#include <asm/msr-gen.h>' $f
fi

f=arch/x86/xen/enlighten_pv.c
if ! has $f 'xen_msrgen_read_msr'; then
	need $f 'static u64 xen_do_read_msr(u32 msr, int *err)'
	need $f 'static void xen_do_write_msr(u32 msr, u64 val, int *err)'
	need $f '#include "xen-ops.h"'
	need $f 'static __read_mostly bool xen_msr_safe'
	sed -i -e '/^#include "xen-ops.h"$/a\
#include "msr-gen.h"' \
	    -e 's/^static __read_mostly bool xen_msr_safe/__read_mostly bool xen_msr_safe/' \
	    -e 's/^static u64 xen_do_read_msr(u32 msr, int \*err)$/static u64 xen_do_read_msr(u32 msr, int *err)\
{\
\treturn xen_msrgen_read_msr(msr, err);\
}\
\
static u64 __maybe_unused xen_do_read_msr_unused(u32 msr, int *err)/' \
	    -e 's/^static void xen_do_write_msr(u32 msr, u64 val, int \*err)$/static void xen_do_write_msr(u32 msr, u64 val, int *err)\
{\
\txen_msrgen_write_msr(msr, val, err);\
}\
\
static void __maybe_unused xen_do_write_msr_unused(u32 msr, u64 val, int *err)/' $f
	has $f 'xen_do_read_msr_unused' || die "$f: edit failed"
fi
echo "msrgen glue: done"
