/* "Did you mean" (suggest.c): the name of the NULL-terminated list closest to a
 * misspelt word within the edit distance of a typing slip (1 up to 4 characters, 2 up
 * to 8, 3 beyond; case ignored), or NULL; the same over the model registry's names
 * and aliases (the model's name); and the phrase 'did you mean "X"? ' into buf, or ""
 * when there is no suggestion. Host-internal, for every message about a name. */
#ifndef SHPFIT_HOST_UTIL_SUGGEST_H
#define SHPFIT_HOST_UTIL_SUGGEST_H

#include <stddef.h>

const char *cfg_suggest(const char *word, const char *const *names);
const char *cfg_suggest_model(const char *word);
void cfg_did_you_mean(char *buf, size_t len, const char *suggestion);

#endif
