/* Reading a JSON input file for every loader (config/cfg_json.h: cfg_load_json). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/cfg_json.h"
#include "io/fs.h"

/* Line and column (from 1) of offset `at` in text. */
static void locate(const char *text, size_t at, int *line, int *col)
{
    *line = *col = 1;
    for (size_t i = 0; i < at; ++i) {
        if (text[i] == '\n') {
            ++*line;
            *col = 1;
        } else {
            ++*col;
        }
    }
}

/* "line L, column C: … near `text`" for a parse error at `at` in `text`; the text is
 * still alive (cJSON's error pointer points into it). */
static int malformed(const cfg_ctx *c, const char *text, size_t len, const char *at)
{
    if (!at || at < text || at > text + len) at = text + len;
    int line, col;
    locate(text, (size_t)(at - text), &line, &col);
    if (at == text + len)
        return cfg_fail(c, "", "malformed JSON: unexpected end of file at line %d, column %d", line, col);
    char near[24];
    size_t k = 0;
    for (const char *p = at; p < text + len && *p && *p != '\n' && k + 1 < sizeof near; ++p)
        near[k++] = (*p >= 0x20 && *p < 0x7f) ? *p : '?';
    near[k] = '\0';
    return cfg_fail(c, "", "malformed JSON at line %d, column %d, near `%s`", line, col, near);
}

/* Offset of the first \u0000 escape inside a string of valid JSON, or −1: cJSON would
 * decode it into a NUL that silently cuts the string ("vgm\u0000junk" read as "vgm"). */
static long escaped_nul(const char *text, size_t len)
{
    int in_string = 0;
    for (size_t i = 0; i < len; ++i) {
        if (!in_string) {
            in_string = text[i] == '"';
            continue;
        }
        if (text[i] == '"') {
            in_string = 0;
        } else if (text[i] == '\\' && i + 1 < len) {
            if (text[i + 1] == 'u' && i + 5 < len && !strncmp(text + i + 2, "0000", 4)) return (long)i;
            ++i; /* the escaped character (a quote or a backslash) */
        }
    }
    return -1;
}

int cfg_load_json(const cfg_ctx *c, cJSON **root)
{
    *root = NULL;
    size_t len = 0;
    char *text = shp_file_read_all(c->file, &len);
    if (!text) {
        const int e = errno;
        cfg_fail(c, "", "cannot read: %s", strerror(e));
        return e == ENOMEM ? SHP_ERR_NOMEM : SHP_ERR_CONFIG;
    }
    int rc = SHP_OK, line, col;
    const char *nul = memchr(text, '\0', len);
    const long esc = nul ? -1 : escaped_nul(text, len);
    if (nul) {
        locate(text, (size_t)(nul - text), &line, &col);
        rc = cfg_fail(c, "", "a NUL byte at line %d, column %d: not a JSON text file", line, col);
    } else {
        const char *end = NULL;
        *root = cJSON_ParseWithLengthOpts(text, len + 1, &end, 1); /* + its NUL */
        if (!*root) {
            rc = malformed(c, text, len, end);
        } else if (esc >= 0) {
            locate(text, (size_t)esc, &line, &col);
            rc = cfg_fail(c, "", "line %d, column %d: \\u0000 (a NUL character) is not allowed in a string",
                          line, col);
        }
    }
    if (rc != SHP_OK) {
        cJSON_Delete(*root);
        *root = NULL;
    }
    free(text);
    return rc;
}
