/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace shim: the kernel's fixed-width types. */
#ifndef HARNESS_LINUX_TYPES_H
#define HARNESS_LINUX_TYPES_H
#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;
#ifndef __always_inline
#define __always_inline	inline __attribute__((__always_inline__))
#endif
#define asm_inline	asm __inline
#endif
#endif
