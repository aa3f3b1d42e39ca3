/* hub_main.c - sikube-hub, the program behind `sikube hub` (include/hub_cli.h): the language
 * comes from the environment sikube leaves it (LANGUAGE) or from a leading --lang. */
#include <string.h>
#include "hub_cli.h"
#include "i18n.h"
#include "outfile.h"

int main(int argc, char **argv)
{
	const char *lang = NULL;
	int first = 1;
	if (argc > 2 && strcmp(argv[1], "--lang") == 0)
		lang = argv[2], first = 3;
	if (i18n_init(lang) != 0)
		i18n_init(NULL);
	return hub_cli_main(argc - first, argv + first);
}
