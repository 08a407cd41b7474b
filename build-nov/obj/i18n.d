build-nov/obj/i18n.o: src/i18n.c src/i18n.h src/model.h src/diag.h \
 src/util.h src/schema.h
src/i18n.h:
src/model.h:
src/diag.h:
src/util.h:
src/schema.h:
