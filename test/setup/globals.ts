/**
 * Jest global setup: a minimal `CustomFunctions` runtime so src/functions can be imported outside Excel.
 * It mirrors the real API's shape: Error(code, message) and the ErrorCode names the functions use.
 */
class CustomFunctionsError extends Error {
  constructor(public code: string, message?: string) {
    super(message ?? code);
    this.name = 'CustomFunctions.Error';
  }
}

const ErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode,
  associate: () => undefined,
};
