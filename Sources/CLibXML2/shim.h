#ifndef TIEMAP_CLIBXML2_SHIM_H
#define TIEMAP_CLIBXML2_SHIM_H
// libxml2's streaming reader (xmlTextReader), from Debian's libxml2-dev: GraphML and GEXF are read node by node,
// with DTDs, entities and the network refused (see GraphFormats/XML/XMLStream.swift).
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#endif
