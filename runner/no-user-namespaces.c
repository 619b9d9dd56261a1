/*
 * no-user-namespaces PROGRAM [ARG...]: installs a seccomp filter that refuses new user namespaces, then executes
 * PROGRAM. The filter is inherited by every descendant and cannot be removed. The entrypoint puts it between setpriv
 * and Runner.Listener, so no job step can create a user namespace (the usual first step of kernel privilege
 * escalations), as Docker's and Kubernetes' default seccomp profiles already refuse to unprivileged containers.
 *
 * - clone3: ENOSYS. Its flags are in a struct in memory, which seccomp cannot read; glibc then falls back to clone.
 * - clone and unshare with CLONE_NEWUSER: EPERM (the flags are their first argument on x86_64).
 * - Any architecture but x86_64, and x32 syscall numbers (bit 30 set), kill the process: the numbers checked here
 *   are x86_64's, so another ABI could otherwise reach the same calls under other numbers.
 *
 * Installing a filter without CAP_SYS_ADMIN needs no_new_privs (seccomp(2)); setpriv has set it already, and it is
 * set again here so the helper never depends on its caller for that. util-linux setpriv has a seccomp option only
 * from 2.40 on; this small program works with any.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef __NR_clone3
#define __NR_clone3 435
#endif
#define X32_SYSCALL_BIT 0x40000000
#define ARG0_LOW offsetof(struct seccomp_data, args[0]) /* little-endian: the low 32 bits of the first argument */

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: no-user-namespaces PROGRAM [ARG...]\n");
    return 2;
  }
  struct sock_filter filter[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, X32_SYSCALL_BIT, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone3, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_unshare, 1, 0),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone, 0, 3),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG0_LOW),
      BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_NEWUSER, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog program = {.len = sizeof(filter) / sizeof(filter[0]), .filter = filter};
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) != 0) {
    fprintf(stderr, "no-user-namespaces: cannot install the seccomp filter: %s\n", strerror(errno));
    return 126;
  }
  execv(argv[1], argv + 1);
  fprintf(stderr, "no-user-namespaces: cannot execute %s: %s\n", argv[1], strerror(errno));
  return errno == ENOENT ? 127 : 126;
}
