/**
 * Compile-time flags set by electron.vite.config.ts (`define`). Environment variables are no substitute: the
 * console runs elevated, and a standard user can set variables the elevated process inherits.
 */

/** True only in the end-to-end test build (ADMIN_CONSOLE_TEST_BUILD=1 at build time), never in a release. */
declare const __ADMIN_CONSOLE_TEST_BUILD__: boolean;
