/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/test/support/jsdomSetup.ts'],
  // The pane's component tests render the whole pane in jsdom several times over (several seconds each);
  // this is the harness's patience, not a speed requirement (speed is measured by npm run bench).
  testTimeout: 30000,
  // Both cores of the CI machine (Jest's default leaves one to its own process, which mostly waits).
  maxWorkers: 2,
  roots: ['<rootDir>/test', '<rootDir>/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/libreoffice/', '\\.fuzz\\.test\\.ts$'],
  // office-addin-mock requires office-addin-manifest, whose entry point Jest 30 cannot load; it needs only the OfficeApp enum.
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js' },
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
};
