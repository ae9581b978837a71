/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true, diagnostics: false }],
  },
  setupFiles: ['<rootDir>/test/setup/globals.ts'],
  testTimeout: 30000,
  reporters: ["default", "<rootDir>/test/setup/summaryReporter.js"],
};
