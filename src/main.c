/* main.c - SIKUBE entry point: everything goes through the command line (cli.c). */
#include "app.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
