/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HARNESS_ASM_IBT_H
#define HARNESS_ASM_IBT_H
#ifdef __ASSEMBLER__
#define ENDBR
#endif
#endif
