/* Mutated copies of a good JSON document for the bad-input test (bad_input.h): one value
 * replaced by a wrong type, an absurd number, a non-JSON token or a string with a NUL;
 * an unknown, a repeated or a NUL-carrying key; a required key removed. Values cJSON cannot
 * print (1e999, NaN, \u0000) are put in as a marker that is replaced in the printed text. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include "bad_input.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MARK "@@bad_input@@"

const char *bi_mut_name(bi_mut m)
{
    static const char *const names[BI_M_COUNT] = {
        "string", "number", "null", "array", "object", "bool", "1e308", "-1e308", "1e999", "-1e999",
        "NaN", "NUL-in-string", "unknown-key", "key-twice", "NUL-in-key"};
    return names[m];
}

cJSON *bi_load_json(const char *path)
{
    size_t n = 0;
    char *text = bi_read(path, &n);
    cr_assert_not_null(text, "cannot read %s", path);
    cJSON *doc = cJSON_Parse(text);
    cr_assert_not_null(doc, "%s is not JSON", path);
    free(text);
    return doc;
}

/* ------------------------------------------------------------ items */

typedef struct {
    bi_item *v;
    int n, cap;
} items;

static void walk(items *it, cJSON *node, const char *path)
{
    int i = 0;
    const int size = cJSON_GetArraySize(node);
    for (cJSON *ch = node->child; ch; ch = ch->next, ++i) {
        if (cJSON_IsObject(node) && ch->string && ch->string[0] == '_') continue; /* a comment */
        if (it->n == it->cap) {
            it->cap = it->cap ? 2 * it->cap : 64;
            it->v = realloc(it->v, (size_t)it->cap * sizeof *it->v);
            cr_assert_not_null(it->v);
        }
        bi_item *e = &it->v[it->n++];
        if (cJSON_IsArray(node)) snprintf(e->path, sizeof e->path, "%s[%d]", path, i);
        else if (*path) snprintf(e->path, sizeof e->path, "%s.%s", path, ch->string);
        else snprintf(e->path, sizeof e->path, "%s", ch->string);
        e->item = ch;
        e->in_array = cJSON_IsArray(node);
        e->parent_size = size;
        char sub[200];
        snprintf(sub, sizeof sub, "%s", e->path);
        if (cJSON_IsArray(ch) || cJSON_IsObject(ch)) walk(it, ch, sub);
    }
}

int bi_items(cJSON *doc, bi_item **out)
{
    items it = {0};
    walk(&it, doc, "");
    *out = it.v;
    return it.n;
}

static cJSON *parent_of(cJSON *doc, const cJSON *item)
{
    for (cJSON *ch = doc->child; ch; ch = ch->next) {
        if (ch == item) return doc;
        cJSON *p = parent_of(ch, item);
        if (p) return p;
    }
    return NULL;
}

/* The item at path in doc (a copy of the document bi_items enumerated), or NULL. */
static cJSON *find(cJSON *doc, const char *path)
{
    bi_item *v = NULL;
    const int n = bi_items(doc, &v);
    cJSON *r = NULL;
    for (int i = 0; i < n && !r; ++i)
        if (!strcmp(v[i].path, path)) r = v[i].item;
    free(v);
    return r;
}

/* ------------------------------------------------------------ text */

/* text with the first MARK replaced by raw; *line: the line it was on. */
static char *replace_mark(char *text, const char *raw, int *line)
{
    char *at = strstr(text, MARK);
    cr_assert_not_null(at, "marker lost in the printed JSON");
    if (line) *line = bi_line_at(text, (size_t)(at - text));
    const size_t head = (size_t)(at - text), ml = strlen(MARK), rl = strlen(raw);
    char *s = malloc(strlen(text) - ml + rl + 1);
    memcpy(s, text, head);
    memcpy(s + head, raw, rl);
    strcpy(s + head + rl, at + ml);
    free(text);
    return s;
}

/* Replace item by r in parent, keeping its key (cJSON's pointer replacement does not). */
static void replace(cJSON *parent, cJSON *item, cJSON *r)
{
    if (item->string) {
        const size_t n = strlen(item->string) + 1;
        r->string = (char *)cJSON_malloc(n);
        memcpy(r->string, item->string, n);
    }
    cJSON_ReplaceItemViaPointer(parent, item, r);
}

static char *print(cJSON *doc)
{
    char *p = cJSON_Print(doc);
    cr_assert_not_null(p);
    char *s = strdup(p); /* plain free() from here on */
    cJSON_free(p);
    return s;
}

/* ------------------------------------------------------------ mutations */

/* The replacement of a value by another type; NULL when it would be the same type. A number
 * field gets a string that reads as a number, a boolean field one that reads as a boolean,
 * so that only a strict type check refuses them; objects and arrays get content that no key
 * of the schema accepts ("x"), so that a field that takes several forms still refuses it. */
static cJSON *wrong_type(const cJSON *it, bi_mut m)
{
    switch (m) {
    case BI_M_STRING:
        if (cJSON_IsString(it)) return NULL;
        return cJSON_CreateString(cJSON_IsNumber(it) ? "0.5" : cJSON_IsBool(it) ? "true" : "x");
    case BI_M_NUMBER: return cJSON_IsNumber(it) ? NULL : cJSON_CreateNumber(1);
    case BI_M_NULL: return cJSON_IsNull(it) ? NULL : cJSON_CreateNull();
    case BI_M_ARRAY: {
        if (cJSON_IsArray(it)) return NULL;
        cJSON *a = cJSON_CreateArray();
        cJSON_AddItemToArray(a, cJSON_CreateString("x"));
        return a;
    }
    case BI_M_OBJECT: {
        if (cJSON_IsObject(it)) return NULL;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "x", 1);
        return o;
    }
    case BI_M_BOOL: return cJSON_IsBool(it) ? NULL : cJSON_CreateTrue();
    default: return NULL;
    }
}

static const char *raw_number(bi_mut m)
{
    switch (m) {
    case BI_M_INF: return "1e999";
    case BI_M_NINF: return "-1e999";
    case BI_M_NAN: return "NaN";
    default: return NULL;
    }
}

/* The first key of an object that is not a comment, or NULL. */
static cJSON *first_key(cJSON *obj)
{
    for (cJSON *ch = obj->child; ch; ch = ch->next)
        if (ch->string && ch->string[0] != '_') return ch;
    return NULL;
}

static void key_path(char *buf, size_t len, const char *obj_path, const char *key)
{
    if (*obj_path) snprintf(buf, len, "%s.%s", obj_path, key);
    else snprintf(buf, len, "%s", key);
}

/* A plain string (no quote, backslash or control character), so it can go into raw JSON. */
static int plain(const char *s)
{
    for (; *s; ++s)
        if (*s == '"' || *s == '\\' || (unsigned char)*s < 0x20) return 0;
    return 1;
}

char *bi_mutate(const cJSON *doc, int k, bi_mut m, int *line, char *expect, size_t elen)
{
    cJSON *d = cJSON_Duplicate(doc, 1);
    bi_item *v = NULL;
    const int n = bi_items(d, &v);
    cr_assert(k >= -1 && k < n);
    /* k = −1: the document itself, for the key mutations of the top level */
    cJSON *it = k < 0 ? d : v[k].item, *parent = k < 0 ? NULL : parent_of(d, it);
    char path[200];
    snprintf(path, sizeof path, "%s", k < 0 ? "" : v[k].path);
    free(v);
    if (k < 0 && m < BI_M_UNKNOWN_KEY) {
        cJSON_Delete(d);
        return NULL;
    }
    *line = 0;
    snprintf(expect, elen, "%s", path);
    char *text = NULL;
    const char *raw = raw_number(m);
    if (m <= BI_M_BOOL) {
        cJSON *r = wrong_type(it, m);
        if (r) {
            replace(parent, it, r);
            text = print(d);
        }
    } else if ((m == BI_M_HUGE || m == BI_M_NHUGE) && cJSON_IsNumber(it)) {
        replace(parent, it, cJSON_CreateNumber(m == BI_M_HUGE ? 1e308 : -1e308));
        text = print(d);
    } else if (raw && cJSON_IsNumber(it)) {
        replace(parent, it, cJSON_CreateRaw(MARK));
        text = replace_mark(print(d), raw, line);
    } else if (m == BI_M_NUL && cJSON_IsString(it) && plain(it->valuestring)) {
        char q[300];
        snprintf(q, sizeof q, "\"%s\\u0000junk\"", it->valuestring);
        replace(parent, it, cJSON_CreateRaw(MARK));
        text = replace_mark(print(d), q, line);
    } else if (m == BI_M_UNKNOWN_KEY && cJSON_IsObject(it)) {
        cJSON_AddNumberToObject(it, "bogus_key", 1);
        key_path(expect, elen, path, "bogus_key");
        text = print(d);
    } else if (m == BI_M_DUP_KEY && cJSON_IsObject(it) && first_key(it)) {
        /* linked by hand: Debian's cJSON_InsertItemInArray refuses an item with a key */
        cJSON *f = first_key(it), *dup = cJSON_Duplicate(f, 1);
        dup->prev = f;
        dup->next = f->next;
        if (f->next) f->next->prev = dup;
        else it->child->prev = dup; /* the first child's prev is the last child */
        f->next = dup;
        key_path(expect, elen, path, f->string);
        text = print(d);
    } else if (m == BI_M_NUL_KEY && cJSON_IsObject(it) && first_key(it) && plain(first_key(it)->string)) {
        cJSON *f = first_key(it);
        char q[300];
        snprintf(q, sizeof q, "%s\\u0000x", f->string);
        key_path(expect, elen, path, f->string);
        cJSON_free(f->string);
        f->string = (char *)cJSON_malloc(sizeof MARK);
        memcpy(f->string, MARK, sizeof MARK);
        text = replace_mark(print(d), q, line);
    }
    if (text) { /* a mutation that changed nothing would test nothing */
        char *orig = print((cJSON *)doc);
        cr_assert(strcmp(orig, text) != 0, "%s = %s left the document as it was", path, bi_mut_name(m));
        free(orig);
    }
    cJSON_Delete(d);
    return text;
}

char *bi_remove(const cJSON *doc, const char *path)
{
    cJSON *d = cJSON_Duplicate(doc, 1), *it = find(d, path);
    char *text = NULL;
    if (it) {
        cJSON_Delete(cJSON_DetachItemViaPointer(parent_of(d, it), it));
        text = print(d);
    }
    cJSON_Delete(d);
    return text;
}

char *bi_set(const cJSON *doc, const char *path, const char *json_value)
{
    cJSON *d = cJSON_Duplicate(doc, 1), *it = find(d, path);
    char *text = NULL;
    if (it) {
        cJSON *r = cJSON_Parse(json_value);
        cr_assert_not_null(r, "bi_set: %s is not JSON", json_value);
        replace(parent_of(d, it), it, r);
        text = print(d);
    }
    cJSON_Delete(d);
    return text;
}
