/** Worker thread: reads the client workbooks it is sent and posts back their rows (see readPool). */
import { parentPort } from 'worker_threads';
import { workbookRows } from './workbookRows';

parentPort?.on('message', (job: { file: string; today: string }) => {
  void workbookRows(job.file, job.today).then((result) => parentPort?.postMessage(result));
});
