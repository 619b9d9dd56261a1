/** How the tests hand options to the entrypoint under test: one argument, passed on to every process it starts. */
export const TEST_OPTIONS_FLAG = '--test-options='
