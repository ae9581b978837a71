export async function runReport(): Promise<number> {
  return 0;
}
