/* Sanitized builds only (make test-sanitize, tests/sanitize.mk); empty otherwise.
 *
 * Criterion's runner process runs no test code: every test runs in a worker process it
 * spawns (exec'd afresh, so LeakSanitizer there is untouched by this file). The runner
 * itself loses a 48-byte watchdog record now and then for a test with a .timeout (BoxFort,
 * bundled in libcriterion, drops a cancelled one). libcriterion has no frame pointers, so
 * no suppression can name that frame without also matching every test's stack; instead
 * LeakSanitizer ignores what the runner's main thread allocates once the run starts. */
#if defined(__SANITIZE_ADDRESS__)
#include <criterion/criterion.h>
#include <criterion/hooks.h>
#include <sanitizer/lsan_interface.h>

ReportHook(PRE_ALL)(struct criterion_test_set *set)
{
    (void)set;
    __lsan_disable();
}
#endif
