/* export_import.h - the Ekspor/Impor screen (issue 3): exchange bundles with other offices. */
#ifndef SK_EXPORT_IMPORT_H
#define SK_EXPORT_IMPORT_H

#include "ui.h"

/* Last export and changes since, a folder (default: sikube-export on a USB stick or in the
 * home folder) and options; F2 exports, F3 imports, each with a progress bar and ending on a
 * summary with the scrollable problem list. arg: NULL. */
extern const struct screen_ops EXCHANGE_OPS;

#endif
