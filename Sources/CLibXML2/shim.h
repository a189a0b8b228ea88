#ifndef TIEMAP_CLIBXML2_SHIM_H
#define TIEMAP_CLIBXML2_SHIM_H
// libxml2's streaming reader (xmlTextReader), from Debian's libxml2-dev: GraphML and GEXF are read node by node,
// with DTDs, entities and the network refused (see GraphFormats/XML/XMLStream.swift).
//
// Debian builds libxml2 with ICU, and its encoding.h then includes the system's ICU headers, whose declarations
// clash with the copy of ICU inside Foundation in any module that sees both. Tiemap never touches libxml2's
// encoding handlers (nor any struct that embeds one), so the ICU part of the headers is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#endif
