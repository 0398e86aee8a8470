/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-rss COMMAND [ARG…]: runs COMMAND with its output to /dev/null and
 * prints its peak RSS in KiB.  bench-core cannot read a child's peak RSS
 * itself: a process it starts inherits its own (large) high-water mark,
 * fork or posix_spawn alike; this small process's child does not.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int
main (int   argc,
      char *argv[])
{
  struct rusage usage;
  int status;
  pid_t pid;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-rss COMMAND [ARG…]\n");
      return 2;
    }

  pid = fork ();
  if (pid < 0)
    return 1;
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, STDOUT_FILENO);
      dup2 (null, STDERR_FILENO);
      execvp (argv[1], argv + 1);
      _exit (127);
    }
  if (wait4 (pid, &status, 0, &usage) < 0)
    return 1;
  printf ("%ld\n", usage.ru_maxrss);
  return WIFEXITED (status) ? WEXITSTATUS (status) : 1;
}
