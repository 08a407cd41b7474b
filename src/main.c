#include <stdio.h>

#include "util.h"

int
main(int argc, char *argv[])
{
	(void)argc;
	(void)argv;
	puts("kartta " KARTTA_VERSION);
	return KARTTA_EXIT_OK;
}
