#ifndef TIEMAP_CZLIB_SHIM_H
#define TIEMAP_CZLIB_SHIM_H
#include <zlib.h>
#endif
