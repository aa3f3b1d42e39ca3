/* version.h - the program's version, for --version, bundle manifests and the message catalog.
 * A leaf: includes nothing, so any layer may use it. */
#ifndef SK_VERSION_H
#define SK_VERSION_H

#define SIKUBE_VERSION "0.1.0"

#endif
