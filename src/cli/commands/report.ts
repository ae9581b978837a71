import type { Lang } from '../../core/schema';
import type { Io } from '../io';
export async function runReport(files: readonly string[], options: { lang: Lang; json: boolean; out?: string }, io: Io): Promise<number> {
  void files; void options; void io;
  return 0;
}
