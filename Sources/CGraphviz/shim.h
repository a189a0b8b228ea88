#ifndef TIEMAP_CGRAPHVIZ_SHIM_H
#define TIEMAP_CGRAPHVIZ_SHIM_H
// Graphviz's layout and rendering library (libgvc) and graph library (libcgraph), from Debian's libgraphviz-dev.
#include <stdlib.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// Graphviz 2.42's "nop" layouts (neato -n) allocate the node list in scan_graph_mode and never free it: one
// block of (nodes + 1) pointers per layout, 5 kB per render of the sample's org map (valgrind, "definitely
// lost"). Freed here after rendering and before gvFreeLayout; NULL afterwards, so a later free is harmless.
static inline void tiemap_free_nop_node_list(Agraph_t *g) {
  if (AGDATA(g) && GD_neato_nlist(g)) {
    free(GD_neato_nlist(g));
    GD_neato_nlist(g) = NULL;
  }
}
#endif
