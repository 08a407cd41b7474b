/*
 * kartta init [DIR]: a new handbook's skeleton.  See init.c.
 */
#ifndef KARTTA_INIT_H
#define KARTTA_INIT_H

#include "diag.h"

/*
 * Writes the skeleton into dir, which must not exist or be an empty
 * folder (not a symbolic link).  Returns an exit status; problems go to
 * dl (the diagnostic's file is dir, which must outlive dl's printing).
 */
int init_run(const char *dir, struct diag_list *dl);

#endif
