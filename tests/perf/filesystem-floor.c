// The filesystem floor of a full rewrite of a manifest tree: the least work any writer must do to replace a folder of
// N files atomically. It stages files of the given sizes in a sibling folder (folders created once each, one
// open/write/close per file, the list split in THREADS contiguous shares), swaps the staging folder with the target in one
// renameat2(RENAME_EXCHANGE) (or renames it in when there is no target yet) and deletes the old tree.
// C rather than a script: no interpreter start-up, no per-file fork, nothing but the system calls themselves.
//
// Usage: filesystem-floor LIST TARGET [THREADS]
//   LIST: one file per line, "SIZE RELATIVE/PATH", as `find DIR -type f -printf '%s %P\n'` prints it.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct entry {
  long size;
  char *path;
};

static struct entry *entries;
static size_t count;
static long largest;
static const char *staging;
static int threads = 2;

static void fail(const char *what, const char *path) {
  fprintf(stderr, "filesystem-floor: %s '%s': %s\n", what, path, strerror(errno));
  exit(1);
}

static void read_list(const char *list) {
  FILE *in = fopen(list, "r");
  if (!in) fail("cannot read", list);
  size_t capacity = 1024;
  entries = malloc(capacity * sizeof *entries);
  char line[PATH_MAX + 32];
  while (fgets(line, sizeof line, in)) {
    char *space = strchr(line, ' ');
    if (!space) continue;
    line[strcspn(line, "\n")] = 0;
    if (count == capacity) entries = realloc(entries, (capacity *= 2) * sizeof *entries);
    entries[count].size = strtol(line, NULL, 10);
    entries[count].path = strdup(space + 1);
    if (entries[count].size > largest) largest = entries[count].size;
    count++;
  }
  fclose(in);
}

// Every folder a file needs, each created once, before the files (as the writer under test does).
static void make_folders(void) {
  char previous[PATH_MAX] = "";
  for (size_t i = 0; i < count; i++) {
    char folder[2 * PATH_MAX];
    snprintf(folder, sizeof folder, "%s/%s", staging, entries[i].path);
    char *slash = strrchr(folder, '/');
    *slash = 0;
    if (strcmp(folder, previous) == 0) continue;
    strcpy(previous, folder);
    for (char *p = folder + strlen(staging) + 1; *p; p++) {
      if (*p == '/') {
        *p = 0;
        if (mkdir(folder, 0755) != 0 && errno != EEXIST) fail("cannot create", folder);
        *p = '/';
      }
    }
    if (mkdir(folder, 0755) != 0 && errno != EEXIST) fail("cannot create", folder);
  }
}

// Thread t writes the t-th contiguous share of the sorted list: the threads mostly work in different folders, and
// creates in one folder queue on that folder's lock.
static void *write_share(void *arg) {
  size_t t = (size_t)arg;
  char *content = malloc(largest + 1);
  memset(content, 'x', largest + 1);
  for (size_t i = t * count / threads; i < (t + 1) * count / threads; i++) {
    char path[2 * PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", staging, entries[i].path);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) fail("cannot create", path);
    if (write(fd, content, entries[i].size) != entries[i].size) fail("cannot write", path);
    close(fd);
  }
  free(content);
  return NULL;
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw) {
  (void)st; (void)ftw;
  if ((type == FTW_DP ? rmdir(path) : unlink(path)) != 0) fail("cannot delete", path);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: filesystem-floor LIST TARGET [THREADS]\n");
    return 2;
  }
  if (argc > 3) threads = atoi(argv[3]);
  if (threads < 1) threads = 1;
  read_list(argv[1]);
  const char *target = argv[2];
  char staged[PATH_MAX];
  snprintf(staged, sizeof staged, "%s.floor-staging", target);
  staging = staged;
  if (mkdir(staging, 0755) != 0) fail("cannot create", staging);
  make_folders();
  pthread_t workers[64];
  if (threads > 64) threads = 64;
  for (int t = 0; t < threads; t++) pthread_create(&workers[t], NULL, write_share, (void *)(size_t)t);
  for (int t = 0; t < threads; t++) pthread_join(workers[t], NULL);
  if (access(target, F_OK) != 0) {
    if (rename(staging, target) != 0) fail("cannot rename to", target);
    return 0;
  }
  if (renameat2(AT_FDCWD, staging, AT_FDCWD, target, RENAME_EXCHANGE) != 0) fail("cannot exchange with", target);
  // The staging name now holds the old tree.
  if (nftw(staging, remove_entry, 64, FTW_DEPTH | FTW_PHYS) != 0) fail("cannot delete", staging);
  return 0;
}
