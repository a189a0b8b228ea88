#ifndef TIEMAP_CRSVG_SHIM_H
#define TIEMAP_CRSVG_SHIM_H
// librsvg (SVG → cairo) and cairo's PDF surface, from Debian's librsvg2-dev and libcairo2-dev: multi-page PDF
// maps (one SVG drawing per page).
#include <librsvg/rsvg.h>
#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>
#endif
