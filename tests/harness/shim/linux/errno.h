/* SPDX-License-Identifier: GPL-2.0 */
#ifndef HARNESS_LINUX_ERRNO_H
#define HARNESS_LINUX_ERRNO_H
#define EIO		5
#define EINVAL		22
#endif
