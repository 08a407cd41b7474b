/*
 * kartta schema: JSON Schemas (draft 2020-12) of the content format,
 * generated from the schema tables of schema.c, for editors' completion
 * and checking as you type (yaml-language-server and others).
 */
#ifndef KARTTA_SCHEMA_JSON_H
#define KARTTA_SCHEMA_JSON_H

#include "diag.h"
#include "schema.h"
#include "util.h"

/* Appends the JSON Schema of a file decoded with s (site.yaml, one
 * entity, a guide's front matter) to out; title names the file. */
void schema_json_write(const struct schema *s, const char *title,
    struct buf *out);

/*
 * Writes DIR/site.schema.json, DIR/<kind>.schema.json for every kind
 * (guide.schema.json: a guide's front matter), making DIR if needed.
 * Returns an exit status; problems go to dl.
 */
int schema_json_run(const char *dir, struct diag_list *dl);

#endif
