/** npm run test:libreoffice: checks that need LibreOffice (and poppler-utils for the PDFs). */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/libreoffice'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 180000,
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
};
