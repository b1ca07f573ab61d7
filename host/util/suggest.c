/* "Did you mean": the closest of a list of names to a misspelt one (suggest.h). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "util/suggest.h"
#include "shpfit/models.h"

#define MAX_WORD 64

/* Optimal string alignment distance, case ignored: insertions, deletions,
 * substitutions and swaps of two neighbours each cost 1 (the slips of typing). */
static int distance(const char *a, const char *b)
{
    const int n = (int)strlen(a), m = (int)strlen(b);
    if (n > MAX_WORD || m > MAX_WORD) return MAX_WORD;
    int d[MAX_WORD + 1][MAX_WORD + 1];
    for (int i = 0; i <= n; ++i) d[i][0] = i;
    for (int j = 0; j <= m; ++j) d[0][j] = j;
    for (int i = 1; i <= n; ++i)
        for (int j = 1; j <= m; ++j) {
            const int same = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]);
            int v = d[i - 1][j - 1] + !same;
            if (d[i - 1][j] + 1 < v) v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v) v = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 2]) &&
                tolower((unsigned char)a[i - 2]) == tolower((unsigned char)b[j - 1]) && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[n][m];
}

const char *cfg_suggest(const char *word, const char *const *names)
{
    if (!word || !*word) return NULL;
    const size_t len = strlen(word);
    const int limit = len <= 4 ? 1 : len <= 8 ? 2 : 3; /* a slip, not another word */
    const char *best = NULL;
    int best_d = limit + 1;
    for (int i = 0; names && names[i]; ++i) {
        const int dd = distance(word, names[i]);
        if (dd < best_d) {
            best_d = dd;
            best = names[i];
        }
    }
    return best;
}

const char *cfg_suggest_model(const char *word)
{
    const char *names[256];
    int n = 0;
    for (int i = 0; i < shp_model_count() && n < 255; ++i) {
        const shp_model_desc *d = shp_model_info(i);
        names[n++] = d->name;
        for (const char *const *a = d->aliases; a && *a && n < 255; ++a) names[n++] = *a;
    }
    names[n] = NULL;
    const char *s = cfg_suggest(word, names);
    const shp_model_desc *d = s ? shp_model_find(s) : NULL; /* an alias: say its model's name */
    return d ? d->name : s;
}

void cfg_did_you_mean(char *buf, size_t len, const char *suggestion)
{
    if (suggestion) snprintf(buf, len, "did you mean \"%s\"? ", suggestion);
    else if (len) buf[0] = '\0';
}
