/**
 * npm run test:fuzz: the property-based run of the real command line on mutated samples
 * (test/fuzz/cli.fuzz.test.ts). Its own time budget is FUZZ_BUDGET_S (150 s by default); the
 * timeout here only stops a suite that overran it badly.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/fuzz'],
  testMatch: ['**/*.fuzz.test.ts'],
  testTimeout: (Number(process.env.FUZZ_BUDGET_S ?? 150) + 240) * 1000,
  // The suite's child processes and fast-check's budget timer can outlive the last test by a moment.
  forceExit: true,
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
};
