// A worker thread of the CLI's pool: runs one file task per message and posts the result back.

import { parentPort } from "node:worker_threads";
import { type FileTask, processFile } from "./process-file.js";

parentPort?.on("message", async (message: { id: number; task: FileTask }) => {
  parentPort?.postMessage({ id: message.id, result: await processFile(message.task) });
});
