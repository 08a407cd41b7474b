build-nov/obj/diagram_gv.o: src/diagram_gv.c src/diagram_int.h \
 /usr/include/libxml2/libxml/tree.h \
 /usr/include/libxml2/libxml/xmlversion.h \
 /usr/include/libxml2/libxml/xmlexports.h \
 /usr/include/libxml2/libxml/xmlstring.h \
 /usr/include/libxml2/libxml/xmlregexp.h \
 /usr/include/libxml2/libxml/dict.h \
 /usr/include/libxml2/libxml/xmlmemory.h \
 /usr/include/libxml2/libxml/threads.h \
 /usr/include/libxml2/libxml/globals.h \
 /usr/include/libxml2/libxml/parser.h /usr/include/libxml2/libxml/hash.h \
 /usr/include/libxml2/libxml/valid.h \
 /usr/include/libxml2/libxml/xmlerror.h \
 /usr/include/libxml2/libxml/list.h \
 /usr/include/libxml2/libxml/xmlautomata.h \
 /usr/include/libxml2/libxml/entities.h \
 /usr/include/libxml2/libxml/encoding.h \
 /usr/include/libxml2/libxml/xmlIO.h /usr/include/libxml2/libxml/SAX2.h \
 /usr/include/libxml2/libxml/xlink.h src/diag.h src/util.h src/diagram.h \
 src/model.h /usr/include/graphviz/gvc.h /usr/include/graphviz/types.h \
 /usr/include/graphviz/geom.h /usr/include/graphviz/arith.h \
 /usr/include/graphviz/gvcext.h /usr/include/graphviz/pathgeom.h \
 /usr/include/graphviz/textspan.h /usr/include/graphviz/cgraph.h \
 /usr/include/graphviz/cdt.h /usr/include/graphviz/usershape.h \
 /usr/include/graphviz/gvplugin.h src/page.h src/html.h src/i18n.h \
 src/md.h
src/diagram_int.h:
/usr/include/libxml2/libxml/tree.h:
/usr/include/libxml2/libxml/xmlversion.h:
/usr/include/libxml2/libxml/xmlexports.h:
/usr/include/libxml2/libxml/xmlstring.h:
/usr/include/libxml2/libxml/xmlregexp.h:
/usr/include/libxml2/libxml/dict.h:
/usr/include/libxml2/libxml/xmlmemory.h:
/usr/include/libxml2/libxml/threads.h:
/usr/include/libxml2/libxml/globals.h:
/usr/include/libxml2/libxml/parser.h:
/usr/include/libxml2/libxml/hash.h:
/usr/include/libxml2/libxml/valid.h:
/usr/include/libxml2/libxml/xmlerror.h:
/usr/include/libxml2/libxml/list.h:
/usr/include/libxml2/libxml/xmlautomata.h:
/usr/include/libxml2/libxml/entities.h:
/usr/include/libxml2/libxml/encoding.h:
/usr/include/libxml2/libxml/xmlIO.h:
/usr/include/libxml2/libxml/SAX2.h:
/usr/include/libxml2/libxml/xlink.h:
src/diag.h:
src/util.h:
src/diagram.h:
src/model.h:
/usr/include/graphviz/gvc.h:
/usr/include/graphviz/types.h:
/usr/include/graphviz/geom.h:
/usr/include/graphviz/arith.h:
/usr/include/graphviz/gvcext.h:
/usr/include/graphviz/pathgeom.h:
/usr/include/graphviz/textspan.h:
/usr/include/graphviz/cgraph.h:
/usr/include/graphviz/cdt.h:
/usr/include/graphviz/usershape.h:
/usr/include/graphviz/gvplugin.h:
src/page.h:
src/html.h:
src/i18n.h:
src/md.h:
