#ifndef TIEMAP_CGRAPHVIZ_SHIM_H
#define TIEMAP_CGRAPHVIZ_SHIM_H
// Graphviz's layout and rendering library (libgvc) and graph library (libcgraph), from Debian's libgraphviz-dev.
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
