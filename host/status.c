/* Messages and tags of shp_status, generated from the one list in status.h. */
#include "shpfit/status.h"

const char *shp_strerror(int status)
{
    switch (status) {
#define SHP_STATUS_MSG(name, value, tag, msg) case name: return msg;
        SHP_STATUS_LIST(SHP_STATUS_MSG)
#undef SHP_STATUS_MSG
    default: return "unknown status";
    }
}

const char *shp_status_name(int status)
{
    switch (status) {
#define SHP_STATUS_TAG(name, value, tag, msg) case name: return tag;
        SHP_STATUS_LIST(SHP_STATUS_TAG)
#undef SHP_STATUS_TAG
    default: return "unknown";
    }
}
